// The lambda-set helper for std::visit: std::visit(Overloaded{[](const A&) {...}, [](const B&)
// {...}}, v).
#pragma once

namespace autogen::support {

/// A callable that inherits every lambda's operator(), so one std::visit handles each alternative.
template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
/// Deduces Overloaded's lambda types from its braced initialiser.
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace autogen::support

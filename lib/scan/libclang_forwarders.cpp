// The clang_* functions autogen calls, defined here with libclang's own signatures
// (the included header makes the compiler check each one), each calling the same
// function in the library loaded on first use (libclang_loader.hpp). So the call
// sites stay plain libclang calls while the executable does not link libclang.
#include "scan/libclang_api.hpp"
#include "scan/libclang_loader.hpp"

#define AUTOGEN_LIBCLANG_FORWARD(Ret, name, params, args) \
    extern "C" Ret name params { return autogen::scan::libclang_functions().name args; }

AUTOGEN_LIBCLANG_FUNCTIONS(AUTOGEN_LIBCLANG_FORWARD)
#undef AUTOGEN_LIBCLANG_FORWARD

#pragma once

#include "not_there.hpp"  // expect-error: 'not_there.hpp' file not found

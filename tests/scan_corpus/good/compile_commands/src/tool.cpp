#include "models/ledger.hpp"

int tool() { return 0; }

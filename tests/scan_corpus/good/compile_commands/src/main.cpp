#include "models/catalog.hpp"
#include "util.hpp"

int main() { return 0; }

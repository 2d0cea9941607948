// autogen's entry point (placeholder until the CLI lands).
#include <cstdio>
int main() { std::puts("autogen"); return 0; }

// Included by main.cpp, but declares no model: not scanned.
#pragma once
inline int util() { return 1; }

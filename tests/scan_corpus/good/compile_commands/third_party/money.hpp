#pragma once
struct Money {
    long cents;
};

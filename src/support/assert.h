// Bugs are assertions: a broken invariant stops the program with its location, in every build type.
// IAMLINT_DEBUG_ASSERT is for checks on hot paths: active in the builds the tests run (debug,
// debugoptimized and the sanitizer build), compiled out where NDEBUG is defined (release).
#pragma once

#include <cstdio>
#include <cstdlib>

#define IAMLINT_ASSERT(condition)                                                              \
  do {                                                                                         \
    if (!(condition)) {                                                                        \
      std::fprintf(stderr, "iamlint: internal error: %s:%d: assertion failed: %s\n", __FILE__, \
                   __LINE__, #condition);                                                      \
      std::abort();                                                                            \
    }                                                                                          \
  } while (false)

#define IAMLINT_UNREACHABLE(message)                                                              \
  do {                                                                                            \
    std::fprintf(stderr, "iamlint: internal error: %s:%d: unreachable: %s\n", __FILE__, __LINE__, \
                 message);                                                                        \
    std::abort();                                                                                 \
  } while (false)

#ifdef NDEBUG
#define IAMLINT_DEBUG_ASSERT(condition) static_cast<void>(0)
#else
#define IAMLINT_DEBUG_ASSERT(condition) IAMLINT_ASSERT(condition)
#endif

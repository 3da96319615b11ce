// libFuzzer target: bytes -> .iamlint.yaml -> a checked configuration or an error value. A
// configuration comes with the repository a pull request changes, so it is untrusted input too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)iamlint::config::parse(".iamlint.yaml",
                               std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}

// Operational failures as values: a Result<T> holds either a T or an Error.
//
// The member names follow std::expected so that the type can become an alias once the project
// moves to C++23. Problems found *in a policy* are findings, never Errors; bugs are assertions.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace iamlint {

enum class ErrorCode {
  kUsage,     // the command line or a configuration value is wrong
  kIo,        // a path could not be read or written
  kInternal,  // a bug or an exhausted resource inside iamlint
};

struct Error {
  ErrorCode code;
  std::string message;
};

// Wraps an error so that Result's constructor cannot confuse it with a value.
// The constructor (rather than an aggregate) lets `Unexpected(error)` compile with clang 14 too,
// which lacks C++20's parenthesised aggregate initialisation; the sanitizer build uses clang.
template <class E>
struct Unexpected {
  explicit Unexpected(E e) : error(std::move(e)) {}
  E error;
};

template <class E>
Unexpected(E) -> Unexpected<E>;

[[nodiscard]] inline Unexpected<Error> make_error(ErrorCode code, std::string message) {
  return Unexpected<Error>{Error{code, std::move(message)}};
}

template <class T, class E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Unexpected<E> failure)                              // NOLINT: implicit by design
      : state_(std::in_place_index<1>, std::move(failure.error)) {}

  [[nodiscard]] bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  [[nodiscard]] T& value() & { return std::get<0>(state_); }
  [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  [[nodiscard]] const E& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace iamlint

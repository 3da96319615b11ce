// Maps byte offsets of a policy's own JSON text back to the file it was found in.
//
// A policy embedded as a JSON string is decoded before it is parsed ("\"" becomes '"', "\u00e9"
// becomes two bytes), and a policy in a YAML template is rewritten as JSON; rules report ranges of
// that inner text, and users need the line and column of the file they edit. The map is a sorted
// list of pieces that together cover the inner text: a *verbatim* piece was copied byte for byte
// (so every offset inside it has its own outer offset), any other piece stands for one outer range
// as a whole (an escape sequence, a YAML scalar rewritten in JSON, punctuation JSON needs and YAML
// does not write, which then stands for an empty range).
#pragma once

#include <cstdint>
#include <vector>

#include "support/byte_range.h"

namespace iamlint::input {

struct OffsetMapPiece {
  uint32_t inner = 0;  // where the piece starts in the inner text
  uint32_t inner_size = 0;
  ByteRange outer;
  bool verbatim = false;  // inner and outer bytes correspond one to one
};

class OffsetMap {
 public:
  // The identity: inner offsets are outer offsets.
  OffsetMap() = default;

  [[nodiscard]] bool is_identity() const { return identity_; }

  // The outer range that an inner range stands for: from the outer position of its first byte to
  // that of its last. An empty inner range gives an empty outer range.
  [[nodiscard]] ByteRange to_outer(ByteRange inner) const;

  // The same map seen through `outer`, a map from this map's outer text to a further one (a
  // percent-encoded string inside a JSON string, a JSON string in JSON made from YAML).
  [[nodiscard]] OffsetMap then(const OffsetMap& outer) const;

  // Builds a map piece by piece, in inner order.
  class Builder {
   public:
    // `size` inner bytes copied from the outer text at `outer_begin`.
    void verbatim(uint32_t size, uint32_t outer_begin);
    // `size` inner bytes (at least one) that stand for the outer range as a whole.
    void replaced(uint32_t size, ByteRange outer);
    // The pieces of `map` (not the identity), whose inner text was just appended.
    void append(const OffsetMap& map);
    [[nodiscard]] uint32_t inner_size() const { return inner_size_; }
    // `outer_end` is where the end of the inner text lies in the outer text (for an empty text,
    // the only position it has).
    [[nodiscard]] OffsetMap build(uint32_t outer_end) &&;

   private:
    std::vector<OffsetMapPiece> pieces_;
    uint32_t inner_size_ = 0;
  };

 private:
  friend class Builder;

  // The piece that holds inner offset `at` (the last piece for the end of the text).
  [[nodiscard]] const OffsetMapPiece& piece_at(uint32_t at) const;
  [[nodiscard]] uint32_t outer_begin(uint32_t inner) const;
  [[nodiscard]] uint32_t outer_end(uint32_t inner_end) const;

  std::vector<OffsetMapPiece> pieces_;
  uint32_t inner_size_ = 0;
  uint32_t outer_end_ = 0;
  bool identity_ = true;
};

}  // namespace iamlint::input

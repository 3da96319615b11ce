#include "input/offset_map.h"

#include <algorithm>

#include "support/assert.h"

namespace iamlint::input {

void OffsetMap::Builder::verbatim(uint32_t size, uint32_t outer_begin) {
  if (size == 0) return;
  if (!pieces_.empty()) {
    OffsetMapPiece& last = pieces_.back();
    if (last.verbatim && last.outer.end == outer_begin) {
      last.inner_size += size;
      last.outer.end += size;
      inner_size_ += size;
      return;
    }
  }
  pieces_.push_back({.inner = inner_size_,
                     .inner_size = size,
                     .outer = {outer_begin, outer_begin + size},
                     .verbatim = true});
  inner_size_ += size;
}

void OffsetMap::Builder::replaced(uint32_t size, ByteRange outer) {
  IAMLINT_ASSERT(size > 0);
  pieces_.push_back({.inner = inner_size_, .inner_size = size, .outer = outer});
  inner_size_ += size;
}

void OffsetMap::Builder::append(const OffsetMap& map) {
  IAMLINT_ASSERT(!map.is_identity());
  for (const OffsetMapPiece& piece : map.pieces_) {
    if (piece.verbatim) {
      verbatim(piece.inner_size, piece.outer.begin);
    } else {
      replaced(piece.inner_size, piece.outer);
    }
  }
}

OffsetMap OffsetMap::Builder::build(uint32_t outer_end) && {
  OffsetMap map;
  map.pieces_ = std::move(pieces_);
  map.inner_size_ = inner_size_;
  map.outer_end_ = outer_end;
  map.identity_ = false;
  return map;
}

const OffsetMapPiece& OffsetMap::piece_at(uint32_t at) const {
  auto after = std::upper_bound(
      pieces_.begin(), pieces_.end(), at,
      [](uint32_t offset, const OffsetMapPiece& piece) { return offset < piece.inner; });
  IAMLINT_ASSERT(after != pieces_.begin());
  return *std::prev(after);
}

uint32_t OffsetMap::outer_begin(uint32_t inner) const {
  if (inner >= inner_size_) return outer_end_;
  const OffsetMapPiece& piece = piece_at(inner);
  return piece.verbatim ? piece.outer.begin + (inner - piece.inner) : piece.outer.begin;
}

uint32_t OffsetMap::outer_end(uint32_t inner_end) const {
  const uint32_t end = std::min(inner_end, inner_size_);
  if (end == 0) return outer_end_;
  const OffsetMapPiece& piece = piece_at(end - 1);
  return piece.verbatim ? piece.outer.begin + (end - piece.inner) : piece.outer.end;
}

ByteRange OffsetMap::to_outer(ByteRange inner) const {
  if (is_identity()) return inner;
  const uint32_t begin = outer_begin(inner.begin);
  if (inner.end <= inner.begin) return {begin, begin};
  // YAML aliases copy a node from earlier in the file, so a range can end before it begins.
  return {begin, std::max(begin, outer_end(inner.end))};
}

OffsetMap OffsetMap::then(const OffsetMap& outer) const {
  if (outer.is_identity()) return *this;
  if (is_identity()) return outer;
  Builder builder;
  for (const OffsetMapPiece& piece : pieces_) {
    if (!piece.verbatim) {
      builder.replaced(piece.inner_size, outer.to_outer(piece.outer));
      continue;
    }
    // A verbatim piece follows the outer map's pieces over the bytes it covers.
    IAMLINT_ASSERT(piece.outer.end <= outer.inner_size_);
    for (uint32_t at = piece.outer.begin; at < piece.outer.end;) {
      const OffsetMapPiece& through = outer.piece_at(at);
      const uint32_t size = std::min(piece.outer.end, through.inner + through.inner_size) - at;
      if (through.verbatim) {
        builder.verbatim(size, through.outer.begin + (at - through.inner));
      } else {
        builder.replaced(size, through.outer);
      }
      at += size;
    }
  }
  return std::move(builder).build(outer.to_outer({outer_end_, outer_end_}).begin);
}

}  // namespace iamlint::input

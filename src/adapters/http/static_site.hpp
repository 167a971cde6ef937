// The built web console (web/, issue 14), served from memory. The directory vite wrote is read
// once, at start, into a map from URL path to file; a request's path is only ever a key of that
// map, so no request reaches the file system (no traversal, no symlink, no file changing under a
// reader).
//
// What it answers (GET and HEAD; anything under /api/ is never the site's):
//   - /assets/…: vite's content-hashed files, `Cache-Control: public, max-age=31536000,
//     immutable`: a new build has new names;
//   - any other file it holds (/favicon.svg, /index.html): `no-cache` with an ETag, so a
//     browser asks again and gets 304 while it is the same;
//   - a path whose last segment has no dot (/households/42, /settings/calendar): index.html,
//     the app, which routes it itself: deep links work;
//   - anything else (a missing /assets/x.js): nothing, and the router answers 404.
// A file X with X.gz beside it (web/scripts/precompress.mjs) is sent gzipped to a client whose
// Accept-Encoding takes gzip (Content-Encoding: gzip, Vary: Accept-Encoding); X.gz is not a URL.
// HTML gets a Content-Security-Policy allowing only the site's own scripts and the API on the
// same origin, and may not be framed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "adapters/http/message.hpp"
#include "core/result.hpp"

namespace hearth::adapters::http {

class StaticSite {
 public:
  /// Reads every regular file under `dir` (symlinks are not followed). invalid_argument (field
  /// "web-dir") when `dir` has no index.html, or holds more than kMaxBytes.
  static Result<StaticSite> Load(const std::filesystem::path& dir);

  /// The answer for `request`, or nullopt when the path is not the site's.
  std::optional<Response> Serve(const Request& request) const;

  size_t files() const { return files_.size(); }
  uint64_t bytes() const { return bytes_; }

  static constexpr uint64_t kMaxBytes = 64ull << 20;  ///< a console is a few MiB

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string etag;  ///< "\"<FNV-1a 64 of the body, hex>\"": the same on every instance
    bool immutable = false;
    std::string gzip;  ///< the body gzipped (X.gz), or empty
  };
  Response Answer(const Request& request, const File& file) const;

  std::map<std::string, File, std::less<>> files_;  ///< "/index.html", "/assets/index-3f9a.js"
  uint64_t bytes_ = 0;
};

/// The media type of a file by its extension ("application/octet-stream" when unknown).
std::string ContentTypeOf(const std::filesystem::path& file);

}  // namespace hearth::adapters::http

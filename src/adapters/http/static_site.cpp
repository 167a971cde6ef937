#include "adapters/http/static_site.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace hearth::adapters::http {
namespace {

// Only the site's own scripts; antd writes its styles at run time (CSS-in-JS), hence
// 'unsafe-inline' for styles alone; ECharts draws on a canvas and needs nothing more.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

std::string Fnv1a64(const std::string& bytes) {
  uint64_t h = 14695981039346656037ull;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return fmt::format("\"{:016x}\"", h);
}

// Whether an Accept-Encoding value takes gzip: the token, without q=0 (RFC 9110 §12.5.3).
bool AcceptsGzip(const Request& request) {
  auto it = request.headers.find("accept-encoding");
  if (it == request.headers.end()) return false;
  std::string_view rest = it->second;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::string_view token = item.substr(0, item.find(';'));
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (token != "gzip") continue;
    std::string_view params = item.substr(token.size());
    size_t q = params.find("q=");
    if (q == std::string_view::npos) return true;
    double weight = 1;
    std::from_chars(params.data() + q + 2, params.data() + params.size(), weight);
    return weight > 0;
  }
  return false;
}

bool IsPageLike(std::string_view path) {
  auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') == std::string_view::npos;
}

}  // namespace

std::string ContentTypeOf(const std::filesystem::path& file) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Result<StaticSite> StaticSite::Load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir / "index.html", ec)) {
    return Error::InvalidArgument(
        "the console's directory " + dir.string() +
            " has no index.html (build it with `make build`, or give --web-dir '' to serve the "
            "API only)",
        "web-dir");
  }
  StaticSite site;
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    const auto rel = std::filesystem::relative(it->path(), dir, ec);
    if (ec) break;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) {
      return Error::InvalidArgument("cannot read " + it->path().string(), "web-dir");
    }
    File f;
    f.body = std::move(body).str();
    site.bytes_ += f.body.size();
    if (site.bytes_ > kMaxBytes) {
      return Error::InvalidArgument(
          fmt::format("the console's directory {} holds more than {} MiB: is it the right one?",
                      dir.string(), kMaxBytes >> 20),
          "web-dir");
    }
    f.content_type = ContentTypeOf(rel);
    f.etag = Fnv1a64(f.body);
    const std::string url = "/" + rel.generic_string();
    f.immutable = url.starts_with("/assets/");
    site.files_.emplace(url, std::move(f));
  }
  if (ec) return Error::InvalidArgument("cannot list " + dir.string() + ": " + ec.message(), "web-dir");
  // X.gz becomes X's gzipped body; a .gz without its X stays a file of its own.
  for (auto f = site.files_.begin(); f != site.files_.end();) {
    const std::string& url = f->first;
    if (url.ends_with(".gz")) {
      auto plain = site.files_.find(std::string_view(url).substr(0, url.size() - 3));
      if (plain != site.files_.end()) {
        plain->second.gzip = std::move(f->second.body);
        f = site.files_.erase(f);
        continue;
      }
    }
    ++f;
  }
  return site;
}

std::optional<Response> StaticSite::Serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  const std::string& path = request.path;
  if (path.empty() || path[0] != '/' || path == "/api" || path.starts_with("/api/")) {
    return std::nullopt;
  }
  if (auto it = files_.find(path); it != files_.end()) return Answer(request, it->second);
  if (IsPageLike(path)) return Answer(request, files_.find("/index.html")->second);
  return std::nullopt;
}

Response StaticSite::Answer(const Request& request, const File& file) const {
  Response resp;
  resp.content_type = file.content_type;
  if (file.immutable) {
    resp.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    resp.headers.emplace_back("Cache-Control", "no-cache");
  }
  const bool gzip = !file.gzip.empty() && AcceptsGzip(request);
  // The gzipped body is another representation: its own validator (RFC 9110 §8.8.3).
  const std::string etag = gzip ? file.etag.substr(0, file.etag.size() - 1) + "-gz\"" : file.etag;
  resp.headers.emplace_back("ETag", etag);
  if (!file.gzip.empty()) resp.headers.emplace_back("Vary", "Accept-Encoding");
  if (file.content_type.starts_with("text/html")) {
    resp.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
    resp.headers.emplace_back("X-Frame-Options", "DENY");
    resp.headers.emplace_back("Referrer-Policy", "same-origin");
  }
  auto match = request.headers.find("if-none-match");
  if (match != request.headers.end() && match->second == etag) {
    resp.status = 304;
    return resp;
  }
  if (gzip) {
    resp.headers.emplace_back("Content-Encoding", "gzip");
    resp.body = file.gzip;
  } else {
    resp.body = file.body;
  }
  return resp;
}

}  // namespace hearth::adapters::http

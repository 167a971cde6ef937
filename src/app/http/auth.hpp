// Bearer-token authentication for the HTTP handlers: every handler that acts for a user starts
// with RequirePrincipal, then passes services::ScopeOf(principal) to the stores, checks
// rules::MayRead / rules::MayWrite, and masks what it returns with services::MaskRecord.
#pragma once

#include <cstdint>
#include <functional>

#include "adapters/http/message.hpp"
#include "adapters/http/router.hpp"
#include "services/auth_service.hpp"

namespace hearth::app::http {

/// The principal of the request's `Authorization: Bearer <token>` header (the scheme in any
/// case). unauthenticated (401) when the header is missing or not a bearer token, or the token is
/// malformed, unknown, expired or revoked, or its user disabled; unavailable (503) or internal
/// (500) when the store fails. Thread-safe.
/// The user it finds is also this thread's request user until TakeRequestUserId.
Result<services::Principal> RequirePrincipal(const adapters::http::Request& request,
                                             services::AuthService& auth);

/// The id of the user RequirePrincipal last found on this thread (0: none), cleared: the access
/// log's user, read after the handler returns on the same thread.
int64_t TakeRequestUserId();

/// The bearer token of an Authorization header value ("Bearer <token>"); unauthenticated naming
/// what is wrong otherwise.
Result<std::string> BearerToken(std::string_view authorization);

/// A handler of a route on one record, `…/{id}…`: given the signed-in caller and the id.
using ByIdHandler = std::function<adapters::http::Response(const adapters::http::Request&,
                                                           const services::Principal&, int64_t id)>;

/// A route's handler that signs the caller in (AuthErrorResponse when it cannot), reads the path's
/// {id} (invalid_argument naming "id"), then calls `handler`.
adapters::http::Handler ById(services::AuthService& auth, ByIdHandler handler);

/// adapters::http::ErrorResponse(error), plus `WWW-Authenticate: Bearer realm="hearth"` on a 401
/// (RFC 6750 §3). Use it for the errors of RequirePrincipal.
adapters::http::Response AuthErrorResponse(const Error& error);

}  // namespace hearth::app::http

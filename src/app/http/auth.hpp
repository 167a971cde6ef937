// Bearer-token authentication for the HTTP handlers: every handler that acts for a user starts
// with RequirePrincipal, then passes services::ScopeOf(principal) to the stores, checks
// rules::MayRead / rules::MayWrite, and masks what it returns with services::MaskRecord.
#pragma once

#include "adapters/http/message.hpp"
#include "services/auth_service.hpp"

namespace hearth::app::http {

/// The principal of the request's `Authorization: Bearer <token>` header (the scheme in any
/// case). unauthenticated (401) when the header is missing or not a bearer token, or the token is
/// malformed, unknown, expired or revoked, or its user disabled; unavailable (503) or internal
/// (500) when the store fails. Thread-safe.
Result<services::Principal> RequirePrincipal(const adapters::http::Request& request,
                                             services::AuthService& auth);

/// adapters::http::ErrorResponse(error), plus `WWW-Authenticate: Bearer realm="hearth"` on a 401
/// (RFC 6750 §3). Use it for the errors of RequirePrincipal.
adapters::http::Response AuthErrorResponse(const Error& error);

}  // namespace hearth::app::http

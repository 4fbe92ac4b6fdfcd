// The shared library: the Hawzu access-token domain, compiled into both the server and
// the web app (WebAssembly) so that every rule lives in exactly one place.
//
// It holds the role catalogue and what each role allows (roles.h), the token text format
// and its checksum (token_format.h), calendar arithmetic and RFC 3339 text
// (calendar.h), the expiry choices and how they map to instants (expiry.h), the
// create/edit request model with its validation and JSON wire format
// (access_token_request.h, field_error.h), and the token object the API returns
// (access_token.h), the edit body (access_token_edit.h) and relative times
// (relative_time.h). Everything here is pure functions and value types: no I/O, no
// clock, no random numbers, no mutable globals, and so safe to call from any thread.
// Callers pass in what the rules need (the current time, the creator's role); the
// server adds the checks that need its database.
#pragma once

#include "access_token.h"
#include "access_token_edit.h"
#include "access_token_request.h"
#include "calendar.h"
#include "expiry.h"
#include "field_error.h"
#include "relative_time.h"
#include "roles.h"
#include "token_format.h"
#include "token_rotation.h"

// The server's standard output: one JSON line per event, e.g.
// {"time":"2026-11-28T10:00:00Z","message":"listening on http://127.0.0.1:8080"}.
// Start-up, shutdown and the rare failure that must be seen use log_event; the access
// log (http/request_log.h) writes its lines through write_log_line. Thread-safe: a line
// is one write(2), so lines from different threads never interleave.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace hawzu::server {

// Writes `line` and a newline to standard output. A closed stdout is ignored.
void write_log_line(const nlohmann::ordered_json &line);
// The same for a line already written as JSON text (util/json_text.h); adds the newline.
void write_log_text(std::string line);

// The current time as the log writes it ("2026-11-28T10:00:00Z").
std::string log_time_now();

// A start-up, shutdown or failure line, as JSON with "message" and optional "detail".
void log_event(std::string_view message, std::string_view detail = {});

}  // namespace hawzu::server

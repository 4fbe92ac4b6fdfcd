// CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field
// quoted when it holds a comma, a quote, CR or LF, with its quotes doubled. UTF-8 text
// goes through unchanged. A field that a spreadsheet would read as a formula (it starts
// with =, +, -, @, a tab or CR) gets a leading apostrophe, so a token named
// "=HYPERLINK(...)" stays text when an exported audit log is opened (OWASP "CSV
// injection"). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

// Appends one record, CRLF included, to `out`.
void append_csv_record(std::string &out, const std::vector<std::string> &fields);

}  // namespace hawzu::server

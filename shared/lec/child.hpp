#pragma once
// A child in an institution's register (ทะเบียนเด็ก) for one academic year: what the
// institution types or imports, checked here once for the browser, the native client and
// the server alike.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"
#include "shared/identity/national_id.hpp"
#include "shared/lec/level.hpp"

namespace domain {

enum class ChildIdKind { national_id, g_code };
std::string_view to_string(ChildIdKind k);  // "national_id", "g_code"

// A 13-digit national ID (checksum) or a G-Code ("G" + 12 digits): api.md "id_number".
class ChildId {
 public:
  ChildIdKind kind() const { return kind_; }
  const std::string& value() const { return value_; }  // 13 digits, or "G" + 12 digits
  // "1-2345-xxxxx-xx-1" / "G-1234-xxxxx-xx-1": the only form that leaves the server.
  std::string masked() const;
  bool operator==(const ChildId&) const = default;

 private:
  ChildId(ChildIdKind k, std::string v) : kind_(k), value_(std::move(v)) {}
  friend Checked<ChildId> parse_child_id(std::string_view input, std::string field);
  ChildIdKind kind_;
  std::string value_;
};
// A leading G/g means a G-Code, anything else a national ID (dashes and spaces and Thai
// digits accepted). Error codes (field "id_number"): id_number_required, the national_id_*
// codes, g_code_format.
Checked<ChildId> parse_child_id(std::string_view input, std::string field = "id_number");

enum class Sex { m, f };
std::string_view to_string(Sex s);  // "m", "f"
// "m"/"f", or as imported: "ช", "ชาย", "ญ", "หญิง", "male", "female". Error codes (field
// "sex"): sex_required, sex_unknown.
Checked<Sex> parse_sex(std::string_view text, std::string field = "sex");

// What an institution records about a child.
struct ChildInput {
  ChildId id;
  std::string title;       // "ด.ช.", "ด.ญ.", ... (1..40 characters)
  std::string first_name;  // 1..100 characters
  std::string last_name;   // 1..100 characters
  Sex sex;
  Date birth_date;
  Level level;
  std::string room;        // optional, up to 20 characters ("1", "อ.2/1")
  bool operator==(const ChildInput&) const = default;
};

// The kinds of institution: a child-development centre takes level cdc only, a school
// k1..m6.
enum class InstitutionType { school, child_development_centre };
// From the directory's name: "ศูนย์พัฒนาเด็กเล็ก..." is a centre, anything else a school.
InstitutionType institution_type_from_name(std::string_view name_th);
// Error code (field "level"): level_not_offered.
std::optional<FieldError> check_level_offered(Level level, InstitutionType type);

// The api.md body of POST/PUT .../children: {"id_number","title","first_name","last_name",
// "sex","birth_date" (ISO C.E.),"level","room"}. Checks every field (the first problem is
// returned) including the birth date against the level and `today`, and the level against
// the institution type. Errors name the wire field.
Checked<ChildInput> parse_child(const nlohmann::json& body, int year, const Date& today, InstitutionType type);
// Every problem, not only the first: for an import row and for a form showing all errors.
std::vector<FieldError> child_problems(const nlohmann::json& body, int year, const Date& today, InstitutionType type);

enum class RemovalReason { never_attended, left, moved, graduated, deceased, duplicate };
struct RemovalReasonInfo {
  RemovalReason reason;
  std::string_view id;  // wire
  std::string_view name_th;
  std::string_view name_en;
};
const std::vector<RemovalReasonInfo>& removal_reasons();
const RemovalReasonInfo& info(RemovalReason r);
std::string_view to_string(RemovalReason r);

struct Removal {
  RemovalReason reason;
  std::string note;  // optional, up to 500 characters
};
// {"reason","note"}. Error codes (field "reason"): removal_reason_required,
// removal_reason_unknown; (field "note"): note_too_long.
Checked<Removal> parse_removal(const nlohmann::json& body);

// Which wire fields differ ("id_number", "first_name", "level", ...): for the history and
// for the message telling the confirmers what changed.
std::vector<std::string> changed_fields(const ChildInput& before, const ChildInput& after);
// A G-Code child who received a national ID keeps its record: the only change of ID that
// an edit may make. Error code (field "id_number"): id_number_change (any other change of
// the ID: remove the record with reason duplicate and add the child anew).
std::optional<FieldError> check_id_change(const ChildId& before, const ChildId& after);

// The error of a child attending elsewhere (api.md 409 child_enrolled_elsewhere), naming
// that institution only.
FieldError enrolled_elsewhere(std::string_view institution_name_th, std::string_view institution_code);

}  // namespace domain

// ImVec2 arithmetic from imgui_internal.h.
#define IMGUI_DEFINE_MATH_OPERATORS
#include "wasm/app/touch.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

namespace app {
namespace {

const ImVec2 nowhere(-FLT_MAX, -FLT_MAX);

float length(ImVec2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

}  // namespace

void Touch::down(std::int64_t finger, ImVec2 at, double now) {
  if (state_ == State::resting || state_ == State::swiping || state_ == State::pressing) return;
  // A finger that stops a glide only stops it: lifted again, it is no tap.
  stopped_glide_ = state_ == State::gliding;
  state_ = State::resting;
  owns_pointer_ = true;
  finger_ = finger;
  start_ = last_ = at;
  down_at_ = now;
  want_target_ = true;
  pending_ = glide_ = ImVec2(0, 0);
  samples_.assign(1, {at, now});
}

void Touch::move(std::int64_t finger, ImVec2 at, double now) {
  if (finger != finger_ || !(state_ == State::resting || state_ == State::swiping || state_ == State::pressing))
    return;
  samples_.push_back({at, now});
  while (samples_.size() > 3 && now - samples_.front().t > 0.1) samples_.pop_front();
  if (state_ == State::resting && length(at - start_) > slop) {
    state_ = State::swiping;
    const ImVec2 d = at - start_;
    axis_ = std::fabs(d.x) > std::fabs(d.y) ? 0 : 1;
    pending_ = pending_ + d;  // the content follows the finger from where it landed
  } else if (state_ == State::swiping) {
    pending_ = pending_ + (at - last_);
  }
  last_ = at;
}

void Touch::up(std::int64_t finger, ImVec2 at, double now) {
  if (finger != finger_) return;
  move(finger, at, now);
  switch (state_) {
    case State::resting:  // a tap: a press, then a release on the next frame
      if (!stopped_glide_) {
        queued_.push_back({start_, true});
        queued_.push_back({start_, false});
      }
      state_ = State::idle;
      break;
    case State::pressing:
      queued_.push_back({at, false});
      state_ = State::idle;
      break;
    case State::swiping: {
      const ImVec2 v = velocity(now);
      glide_ = axis_ == 1 ? ImVec2(0, v.y) : ImVec2(v.x, 0);
      glide_at_ = now;
      state_ = length(glide_) > 4 * glide_stop ? State::gliding : State::idle;
      break;
    }
    default:
      break;
  }
}

// From the finger's last moves (the lift repeats the last position): a finger that rested
// before it was lifted glides not; one still moving glides at its speed over the last 0.1 s
// (or between its last two moves, when the browser sent them further apart).
ImVec2 Touch::velocity(double now) const {
  size_t last = samples_.size() - 1;
  while (last > 0 && samples_[last].at.x == samples_[last - 1].at.x && samples_[last].at.y == samples_[last - 1].at.y)
    --last;
  if (last == 0 || now - samples_[last].t > 0.1) return ImVec2(0, 0);
  size_t first = last - 1;
  while (first > 0 && samples_[last].t - samples_[first - 1].t <= 0.1) --first;
  const float dt = float(samples_[last].t - samples_[first].t);
  if (dt < 0.005f) return ImVec2(0, 0);
  return ImVec2((samples_[last].at.x - samples_[first].at.x) / dt, (samples_[last].at.y - samples_[first].at.y) / dt);
}

void Touch::feed(ImGuiIO& io, double now) {
  if (!owns_pointer_) return;
  if (state_ == State::resting && now - down_at_ >= long_press) state_ = State::pressing;
  Pointer p{nowhere, false};
  if (!queued_.empty()) {
    p = queued_.front();
    queued_.pop_front();
  } else if (state_ == State::resting || (state_ == State::swiping && want_target_)) {
    p = {start_, false};  // hovering where it landed: ImGui finds the window under it
  } else if (state_ == State::pressing) {
    p = {last_, true};
  }
  fed_start_ = p.at.x == start_.x && p.at.y == start_.y;
  io.MousePos = p.at;
  io.MouseDown[0] = p.down;
  io.MouseDown[1] = io.MouseDown[2] = false;
}

void Touch::scroll(double now) {
  if (!owns_pointer_) return;
  if (want_target_ && fed_start_) {
    const ImGuiWindow* hovered = ImGui::GetCurrentContext()->HoveredWindow;
    target_ = hovered ? hovered->ID : 0;
    want_target_ = false;
  }
  if (want_target_) return;
  if (state_ == State::swiping && (pending_.x != 0 || pending_.y != 0)) {
    apply(pending_);
    pending_ = ImVec2(0, 0);
  } else if (state_ == State::gliding) {
    const float dt = float(std::min(now - glide_at_, 0.05));  // a stalled tab does not leap
    glide_at_ = now;
    const bool moved = apply(ImVec2(glide_.x * dt, glide_.y * dt));
    const float decay = std::exp(-dt / float(glide_time));
    glide_ = ImVec2(glide_.x * decay, glide_.y * decay);
    if (!moved || length(glide_) < glide_stop) state_ = State::idle;  // stopped, or at the end
  }
}

// Scrolls the window under the finger along the swipe's axis; what it cannot take (at its
// end, or not scrollable that way) goes to the windows around it.
bool Touch::apply(ImVec2 delta) {
  float d = axis_ == 1 ? delta.y : delta.x;
  bool moved = false;
  for (ImGuiWindow* w = ImGui::FindWindowByID(target_); w && d != 0;
       w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr) {
    const float now_at = axis_ == 1 ? w->Scroll.y : w->Scroll.x;
    const float max = axis_ == 1 ? w->ScrollMax.y : w->ScrollMax.x;
    const float next = ImClamp(now_at - d, 0.0f, max);
    if (next == now_at) continue;
    if (axis_ == 1) ImGui::SetScrollY(w, next);
    else ImGui::SetScrollX(w, next);
    d -= now_at - next;
    moved = true;
  }
  return moved;
}

double Touch::wake_at() const {
  if (state_ == State::gliding) return 0;  // every frame until it stops
  if (state_ == State::resting) return down_at_ + long_press;
  return std::numeric_limits<double>::infinity();
}

}  // namespace app

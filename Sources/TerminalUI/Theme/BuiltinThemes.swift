// The shipped themes, embedded so an installed binary works without the repository.
// Each text must equal themes/NAME.toml byte for byte (BuiltinThemeTests checks it);
// after editing a theme file, paste its new text here.

/// The text of the themes shipped in themes/, by name.
public enum BuiltinThemes {
    /// Theme names in the order they are offered.
    public static let names = ["default", "light", "high-contrast", "mono"]

    /// name → TOML text.
    public static let texts: [String: String] = [
        "default": #"""
# waldur-orders theme "default": 256 colours, readable on dark terminals, keeps the terminal's own
# background. Each role takes fg, bg (a name, a number 0-255, "#rrggbb" or "default" for the
# terminal's own colour) and attrs (bold, dim, underline, reverse, italic, standout).
# fg8 / bg8 / attrs8 are used instead on terminals with fewer than 256 colours; without them the
# nearest of the 8 basic colours is picked. A role left out falls back to attributes only.
name = "default"
description = "256 colours on the terminal's own background (dark terminals)"

[roles]
normal                   = { fg = "default", bg = "default" }
muted                    = { fg = 245, fg8 = "default", attrs8 = ["dim"] }
header                   = { fg = 231, bg = 24, attrs = ["bold"], fg8 = "white", bg8 = "blue" }
header-badge             = { fg = 231, bg = 160, attrs = ["bold"], fg8 = "white", bg8 = "red" }
tab                      = { fg = 250, bg = 236, fg8 = "white", bg8 = "default" }
tab-active               = { fg = 16, bg = 75, attrs = ["bold"], fg8 = "black", bg8 = "cyan" }
border                   = { fg = 240, fg8 = "default", attrs8 = ["dim"] }
column-header            = { fg = 117, attrs = ["bold"], fg8 = "cyan" }
selection                = { fg = 231, bg = 25, attrs = ["bold"], fg8 = "black", bg8 = "white" }
selection-inactive       = { bg = 238, bg8 = "default", attrs8 = ["underline"] }
marked                   = { bg = 58, attrs = ["bold"], fg8 = "black", bg8 = "yellow" }
changed                  = { bg = 22, fg8 = "black", bg8 = "green" }
in-flight                = { fg = 214, attrs = ["bold"], fg8 = "yellow" }
state-pending-consumer   = { fg = 214, fg8 = "yellow" }
state-pending-provider   = { fg = 221, fg8 = "yellow" }
state-pending-project    = { fg = 180, fg8 = "yellow" }
state-pending-start-date = { fg = 183, fg8 = "magenta" }
state-executing          = { fg = 81, fg8 = "cyan" }
state-done               = { fg = 114, fg8 = "green" }
state-erred              = { fg = 203, attrs = ["bold"], fg8 = "red" }
state-canceled           = { fg = 245, fg8 = "default", attrs8 = ["dim"] }
state-rejected           = { fg = 167, fg8 = "red" }
state-unknown            = { fg = 213, fg8 = "magenta" }
error                    = { fg = 203, attrs = ["bold"], fg8 = "red" }
warning                  = { fg = 214, fg8 = "yellow" }
status                   = { fg = 252, bg = 236, fg8 = "default", bg8 = "default" }
hint                     = { fg = 245, fg8 = "default" }
hint-key                 = { fg = 117, attrs = ["bold"], fg8 = "cyan" }
filter                   = { fg = 229, attrs = ["bold"], fg8 = "yellow" }
stale                    = { fg = 16, bg = 214, attrs = ["bold"], fg8 = "black", bg8 = "yellow" }
loading                  = { fg = 81, fg8 = "cyan" }
detail-title             = { fg = 231, attrs = ["bold", "underline"], fg8 = "default" }
detail-label             = { fg = 110, fg8 = "cyan" }
plan-change              = { fg = 229, bg = 58, attrs = ["bold"], fg8 = "black", bg8 = "yellow" }
history                  = { fg = 152, fg8 = "cyan" }
dialog                   = { fg = 231, bg = 237, fg8 = "white", bg8 = "blue" }
dialog-title             = { fg = 231, bg = 237, attrs = ["bold"], fg8 = "white", bg8 = "blue" }
button                   = { fg = 252, bg = 240, fg8 = "black", bg8 = "white" }
button-focused           = { fg = 16, bg = 75, attrs = ["bold"], fg8 = "black", bg8 = "cyan" }
input                    = { fg = 231, bg = 238, attrs = ["underline"], fg8 = "default", bg8 = "default" }
placeholder              = { fg = 16, bg = 213, fg8 = "black", bg8 = "magenta" }
too-small                = { fg = 231, bg = 160, attrs = ["bold"], fg8 = "white", bg8 = "red" }

"""#,
        "light": #"""
# waldur-orders theme "light": 256 colours for terminals with a light background; keeps the
# terminal's own background. See default.toml for the format.
name = "light"
description = "256 colours on the terminal's own background (light terminals)"

[roles]
normal                   = { fg = "default", bg = "default" }
muted                    = { fg = 242, fg8 = "default", attrs8 = ["dim"] }
header                   = { fg = 231, bg = 25, attrs = ["bold"], fg8 = "white", bg8 = "blue" }
header-badge             = { fg = 231, bg = 124, attrs = ["bold"], fg8 = "white", bg8 = "red" }
tab                      = { fg = 236, bg = 253, fg8 = "black", bg8 = "default" }
tab-active               = { fg = 231, bg = 31, attrs = ["bold"], fg8 = "white", bg8 = "blue" }
border                   = { fg = 248, fg8 = "default", attrs8 = ["dim"] }
column-header            = { fg = 24, attrs = ["bold"], fg8 = "blue" }
selection                = { fg = 16, bg = 153, attrs = ["bold"], fg8 = "white", bg8 = "blue" }
selection-inactive       = { bg = 254, bg8 = "default", attrs8 = ["underline"] }
marked                   = { bg = 229, attrs = ["bold"], fg8 = "black", bg8 = "yellow" }
changed                  = { bg = 194, fg8 = "black", bg8 = "green" }
in-flight                = { fg = 130, attrs = ["bold"], fg8 = "yellow" }
state-pending-consumer   = { fg = 130, fg8 = "yellow" }
state-pending-provider   = { fg = 136, fg8 = "yellow" }
state-pending-project    = { fg = 94, fg8 = "yellow" }
state-pending-start-date = { fg = 91, fg8 = "magenta" }
state-executing          = { fg = 25, fg8 = "blue" }
state-done               = { fg = 28, fg8 = "green" }
state-erred              = { fg = 160, attrs = ["bold"], fg8 = "red" }
state-canceled           = { fg = 244, fg8 = "default", attrs8 = ["dim"] }
state-rejected           = { fg = 124, fg8 = "red" }
state-unknown            = { fg = 127, fg8 = "magenta" }
error                    = { fg = 160, attrs = ["bold"], fg8 = "red" }
warning                  = { fg = 130, fg8 = "yellow" }
status                   = { fg = 235, bg = 254, fg8 = "default", bg8 = "default" }
hint                     = { fg = 242, fg8 = "default" }
hint-key                 = { fg = 25, attrs = ["bold"], fg8 = "blue" }
filter                   = { fg = 94, attrs = ["bold"], fg8 = "yellow" }
stale                    = { fg = 16, bg = 220, attrs = ["bold"], fg8 = "black", bg8 = "yellow" }
loading                  = { fg = 25, fg8 = "blue" }
detail-title             = { fg = 16, attrs = ["bold", "underline"], fg8 = "default" }
detail-label             = { fg = 24, fg8 = "blue" }
plan-change              = { fg = 16, bg = 222, attrs = ["bold"], fg8 = "black", bg8 = "yellow" }
history                  = { fg = 23, fg8 = "cyan" }
dialog                   = { fg = 16, bg = 255, fg8 = "black", bg8 = "white" }
dialog-title             = { fg = 16, bg = 255, attrs = ["bold"], fg8 = "black", bg8 = "white" }
button                   = { fg = 16, bg = 250, fg8 = "black", bg8 = "white" }
button-focused           = { fg = 231, bg = 25, attrs = ["bold"], fg8 = "white", bg8 = "blue" }
input                    = { fg = 16, bg = 254, attrs = ["underline"], fg8 = "default", bg8 = "default" }
placeholder              = { fg = 231, bg = 127, fg8 = "white", bg8 = "magenta" }
too-small                = { fg = 231, bg = 124, attrs = ["bold"], fg8 = "white", bg8 = "red" }

"""#,
        "high-contrast": #"""
# waldur-orders theme "high-contrast": only the 16 basic colours at full strength on black,
# bold text, reverse video for everything that must stand out. See default.toml for the format.
name = "high-contrast"
description = "16 basic colours, bold, on black"

[roles]
normal                   = { fg = "bright-white", bg = "black" }
muted                    = { fg = "white", bg = "black" }
header                   = { fg = "black", bg = "bright-white", attrs = ["bold"] }
header-badge             = { fg = "bright-white", bg = "red", attrs = ["bold"] }
tab                      = { fg = "bright-white", bg = "black", attrs = ["bold"] }
tab-active               = { fg = "black", bg = "bright-yellow", attrs = ["bold"] }
border                   = { fg = "bright-white", bg = "black" }
column-header            = { fg = "bright-cyan", bg = "black", attrs = ["bold", "underline"] }
selection                = { fg = "black", bg = "bright-white", attrs = ["bold"] }
selection-inactive       = { attrs = ["underline", "bold"] }
marked                   = { fg = "black", bg = "bright-yellow", attrs = ["bold"] }
changed                  = { attrs = ["bold", "underline"] }
in-flight                = { fg = "bright-yellow", attrs = ["bold"] }
state-pending-consumer   = { fg = "bright-yellow", attrs = ["bold"] }
state-pending-provider   = { fg = "bright-yellow", attrs = ["bold"] }
state-pending-project    = { fg = "yellow", attrs = ["bold"] }
state-pending-start-date = { fg = "bright-magenta", attrs = ["bold"] }
state-executing          = { fg = "bright-cyan", attrs = ["bold"] }
state-done               = { fg = "bright-green", attrs = ["bold"] }
state-erred              = { fg = "bright-red", attrs = ["bold", "underline"] }
state-canceled           = { fg = "white" }
state-rejected           = { fg = "bright-red", attrs = ["bold"] }
state-unknown            = { fg = "bright-magenta", attrs = ["bold"] }
error                    = { fg = "bright-white", bg = "red", attrs = ["bold"] }
warning                  = { fg = "black", bg = "bright-yellow", attrs = ["bold"] }
status                   = { fg = "bright-white", bg = "black", attrs = ["bold"] }
hint                     = { fg = "white", bg = "black" }
hint-key                 = { fg = "bright-cyan", bg = "black", attrs = ["bold"] }
filter                   = { fg = "bright-yellow", bg = "black", attrs = ["bold"] }
stale                    = { fg = "black", bg = "bright-yellow", attrs = ["bold"] }
loading                  = { fg = "bright-cyan", attrs = ["bold"] }
detail-title             = { fg = "bright-white", attrs = ["bold", "underline"] }
detail-label             = { fg = "bright-cyan", attrs = ["bold"] }
plan-change              = { fg = "black", bg = "bright-yellow", attrs = ["bold"] }
history                  = { fg = "bright-green", attrs = ["bold"] }
dialog                   = { fg = "bright-white", bg = "blue", attrs = ["bold"] }
dialog-title             = { fg = "bright-yellow", bg = "blue", attrs = ["bold", "underline"] }
button                   = { fg = "black", bg = "white", attrs = ["bold"] }
button-focused           = { fg = "black", bg = "bright-yellow", attrs = ["bold", "underline"] }
input                    = { fg = "bright-white", bg = "black", attrs = ["bold", "underline"] }
placeholder              = { fg = "black", bg = "bright-magenta", attrs = ["bold"] }
too-small                = { fg = "bright-white", bg = "red", attrs = ["bold"] }

"""#,
        "mono": #"""
# waldur-orders theme "mono": no colours at all, only attributes; used when NO_COLOR is set or
# the terminal has no colours. State is always shown as a glyph and a word, so nothing is lost.
name = "mono"
description = "attributes only, no colours"

[roles]
normal                   = { fg = "default", bg = "default" }
muted                    = { attrs = ["dim"] }
header                   = { attrs = ["reverse", "bold"] }
header-badge             = { attrs = ["bold", "underline"] }
tab                      = { attrs = ["reverse"] }
tab-active               = { attrs = ["bold", "underline"] }
border                   = { attrs = ["dim"] }
column-header            = { attrs = ["bold", "underline"] }
selection                = { attrs = ["reverse"] }
selection-inactive       = { attrs = ["underline"] }
marked                   = { attrs = ["bold"] }
changed                  = { attrs = ["underline"] }
in-flight                = { attrs = ["bold"] }
state-pending-consumer   = { attrs = ["bold"] }
state-pending-provider   = { attrs = ["bold"] }
state-pending-project    = { attrs = [] }
state-pending-start-date = { attrs = [] }
state-executing          = { attrs = ["bold"] }
state-done               = { attrs = [] }
state-erred              = { attrs = ["bold", "underline"] }
state-canceled           = { attrs = ["dim"] }
state-rejected           = { attrs = ["dim"] }
state-unknown            = { attrs = ["underline"] }
error                    = { attrs = ["bold", "reverse"] }
warning                  = { attrs = ["bold"] }
status                   = { attrs = [] }
hint                     = { attrs = ["dim"] }
hint-key                 = { attrs = ["bold"] }
filter                   = { attrs = ["bold"] }
stale                    = { attrs = ["reverse", "bold"] }
loading                  = { attrs = ["bold"] }
detail-title             = { attrs = ["bold", "underline"] }
detail-label             = { attrs = ["bold"] }
plan-change              = { attrs = ["reverse"] }
history                  = { attrs = ["underline"] }
dialog                   = { attrs = [] }
dialog-title             = { attrs = ["bold", "underline"] }
button                   = { attrs = [] }
button-focused           = { attrs = ["reverse", "bold"] }
input                    = { attrs = ["underline"] }
placeholder              = { attrs = ["reverse"] }
too-small                = { attrs = ["reverse", "bold"] }

"""#,
    ]
}

# Turns wire texts (`FILE.txt`: a ` date YYYY-MM-DD` line, blank lines, a headline
# paragraph, then paragraphs) into Markdown files for Hugo (`FILE.md`) with the same
# content as Dateline shows: the headline as the title, the date, and the paragraphs
# after the headline, each joined onto one line. Used by bench-hugo.sh; takes many
# files in one run.
function flush_title() {
    gsub(/\\/, "\\\\", title); gsub(/"/, "\\\"", title)
    printf "+++\ntitle = \"%s\"\ndate = %s\n+++\n", title, date > out
    state = 3
}
function flush_para() {
    if (para != "") { print para "\n" > out; para = "" }
}
FNR == 1 {
    if (out != "") { flush_para(); close(out) }
    out = FILENAME; sub(/\.txt$/, ".md", out)
    state = 0; title = ""; para = ""; date = ""
}
{ sub(/\r$/, "") }
state == 0 && NF == 0 { next }
state == 0 { date = $2; state = 1; next }
state == 1 && NF == 0 { next }
state == 1 { title = $0; state = 2; next }
state == 2 && NF == 0 { flush_title(); next }
state == 2 { title = title " " $0; next }
state == 3 && NF == 0 { flush_para(); next }
state == 3 { $1 = $1; para = (para == "" ? $0 : para " " $0); next }
END { if (state == 2) flush_title(); flush_para(); if (out != "") close(out) }

# What zsh's completion system offers for a command line, with the generated _s3api.
# Usage: zsh -f zsh-complete.zsh COMPLETIONS_DIR 'LINE'... — prints, for each LINE in turn,
# `<LINE>` and then one `<HIT>match</HIT>` per candidate; one shell (one compinit) for all. An interactive zsh in a pseudo-terminal gets LINE and a Tab; a compadd wrapper
# prints the matches the real compadd accepts (its -A array: after prefix matching), and the
# calls that only filter or collect (-O, -A, -D) go to the builtin untouched.
zmodload zsh/zpty
zpty completion zsh -f -i
# The prompt reads <ZLE> (typed as <ZL%{%}E>, so the echo of this line does not match): the
# line editor is ready for the next line once it appears.
zpty -w completion "PROMPT='<ZL%{%}E>' RPROMPT=''; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w completion 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a __hits
  builtin compadd -A __hits "$@"
  local hit
  for hit in $__hits; do print -r -- "<HIT>$hit</HIT>"; done
}'
zpty -w completion 'bindkey "^I" complete-word'
zpty -w completion "print -r -- '<RE''ADY>'"
zpty -r completion ready '*<READY>*'
# Each line, a Tab; then the line is cleared and a marker printed: the output up to the marker
# is everything the completion wrote.
local line output
for line in "${@[2,-1]}"; do
  zpty -r completion prompt '*<ZLE>'
  zpty -n -w completion "$line"$'\t'$'\C-u'"print -r -- '<E''ND>'"$'\r'
  zpty -r completion output '*<END>*'
  print -r -- '<LINE>'"$output"
done
zpty -d completion

#!/bin/bash

__inbox_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__inbox_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__inbox_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__inbox_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_inbox() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(-h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __inbox_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    keys|list|show|claim|unclaim|answer|close|note|spam|not-spam|digest|metrics|register|stats|export|erase|hold|release|policy|purge|audit|database|help)
        # Offer subcommand argument completions
        "_inbox_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'keys list show claim unclaim answer close note spam not-spam digest metrics register stats export erase hold release policy purge audit database help' -- "${cur}"))
        ;;
    esac
}

_inbox_keys() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __inbox_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    init|list|passwd|export-intake)
        # Offer subcommand argument completions
        "_inbox_keys_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'init list passwd export-intake' -- "${cur}"))
        ;;
    esac
}

_inbox_keys_init() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    esac
}

_inbox_keys_list() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_keys_passwd() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file --new-passphrase-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    '--new-passphrase-file')
        return
        ;;
    esac
}

_inbox_keys_export-intake() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --to)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--to')
        return
        ;;
    esac
}

_inbox_list() {
    repeating_flags=()
    non_repeating_flags=(--mine --unclaimed --overdue --json --all -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --status --limit)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--status')
        __inbox_add_completions -W 'open'$'\n''answered'$'\n''closed'$'\n''spam'$'\n''held'$'\n''all'
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_inbox_show() {
    repeating_flags=()
    non_repeating_flags=(--json --reveal-email -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file --reason)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_inbox_claim() {
    repeating_flags=()
    non_repeating_flags=(--take-over -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --reason)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_inbox_unclaim() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_answer() {
    repeating_flags=()
    non_repeating_flags=(--yes --interim --take-over -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file --smtp-url --smtp-ca-file --smtp-credentials-file --mail-from --subject --message-file --reason --template --lang --templates-dir --due)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    '--smtp-url')
        return
        ;;
    '--smtp-ca-file')
        return
        ;;
    '--smtp-credentials-file')
        return
        ;;
    '--mail-from')
        return
        ;;
    '--subject')
        return
        ;;
    '--message-file')
        return
        ;;
    '--reason')
        return
        ;;
    '--template')
        return
        ;;
    '--lang')
        __inbox_add_completions -W 'sv'$'\n''en'
        return
        ;;
    '--templates-dir')
        return
        ;;
    '--due')
        return
        ;;
    esac
}

_inbox_close() {
    repeating_flags=()
    non_repeating_flags=(--yes -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file --smtp-url --smtp-ca-file --smtp-credentials-file --mail-from --subject --reason --to --message-file --template --lang --templates-dir --due)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    '--smtp-url')
        return
        ;;
    '--smtp-ca-file')
        return
        ;;
    '--smtp-credentials-file')
        return
        ;;
    '--mail-from')
        return
        ;;
    '--subject')
        return
        ;;
    '--reason')
        __inbox_add_completions -W 'forwarded'$'\n''no-answer-needed'
        return
        ;;
    '--to')
        return
        ;;
    '--message-file')
        return
        ;;
    '--template')
        return
        ;;
    '--lang')
        __inbox_add_completions -W 'sv'$'\n''en'
        return
        ;;
    '--templates-dir')
        return
        ;;
    '--due')
        return
        ;;
    esac
}

_inbox_note() {
    repeating_flags=()
    non_repeating_flags=(--official -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --message-file)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--message-file')
        return
        ;;
    esac
}

_inbox_spam() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_not-spam() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_digest() {
    repeating_flags=()
    non_repeating_flags=(--print -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --smtp-url --smtp-ca-file --smtp-credentials-file --mail-from --subject --to)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--smtp-url')
        return
        ;;
    '--smtp-ca-file')
        return
        ;;
    '--smtp-credentials-file')
        return
        ;;
    '--mail-from')
        return
        ;;
    '--subject')
        return
        ;;
    '--to')
        return
        ;;
    esac
}

_inbox_metrics() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --textfile)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--textfile')
        return
        ;;
    esac
}

_inbox_register() {
    repeating_flags=()
    non_repeating_flags=(--csv --json -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --from --to)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    esac
}

_inbox_stats() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --from --to --by)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--by')
        __inbox_add_completions -W 'month'$'\n''topic'$'\n''page'
        return
        ;;
    esac
}

_inbox_export() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file --email)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    '--email')
        return
        ;;
    esac
}

_inbox_erase() {
    repeating_flags=()
    non_repeating_flags=(--override-hold -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --email --reason)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--email')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_inbox_hold() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file --reason)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_inbox_release() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --private-key-dir --passphrase-file)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--private-key-dir')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    esac
}

_inbox_policy() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __inbox_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    check|show|notice|record)
        # Offer subcommand argument completions
        "_inbox_policy_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'check show notice record' -- "${cur}"))
        ;;
    esac
}

_inbox_policy_check() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_policy_show() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_policy_notice() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --lang)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--lang')
        return
        ;;
    esac
}

_inbox_policy_record() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_purge() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --confirm-clock -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --as-of)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--as-of')
        return
        ;;
    esac
}

_inbox_audit() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __inbox_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    verify|list|restore)
        # Offer subcommand argument completions
        "_inbox_audit_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'verify list restore' -- "${cur}"))
        ;;
    esac
}

_inbox_audit_verify() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_audit_list() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_audit_restore() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file --reason)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_inbox_database() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __inbox_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    migrate)
        # Offer subcommand argument completions
        "_inbox_database_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'migrate' -- "${cur}"))
        ;;
    esac
}

_inbox_database_migrate() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=(--data-dir --key-dir --policy --config --database --database-ca-file --database-password-file)
    __inbox_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data-dir')
        return
        ;;
    '--key-dir')
        return
        ;;
    '--policy')
        return
        ;;
    '--config')
        return
        ;;
    '--database')
        return
        ;;
    '--database-ca-file')
        return
        ;;
    '--database-password-file')
        return
        ;;
    esac
}

_inbox_help() {
    :
}

complete -o filenames -F _inbox inbox

function __inbox_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __inbox_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __inbox_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __inbox_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __inbox_parse_tokens -S
    set -l unparsed_tokens (__inbox_tokens -pc)
    switch $unparsed_tokens[1]
    case 'inbox'
        __inbox_parse_subcommand 0 'h/help'
        switch $unparsed_tokens[1]
        case 'keys'
            __inbox_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'init'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'private-key-dir=' 'passphrase-file=' 'h/help'
            case 'list'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'json' 'h/help'
            case 'passwd'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'private-key-dir=' 'passphrase-file=' 'new-passphrase-file=' 'h/help'
            case 'export-intake'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'to=' 'h/help'
            end
        case 'list'
            __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'status=' 'json' 'all' 'limit=' 'h/help'
        case 'show'
            __inbox_parse_subcommand 1 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'private-key-dir=' 'passphrase-file=' 'json' 'reveal-email' 'reason=' 'h/help'
        case 'answer'
            __inbox_parse_subcommand 1 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'private-key-dir=' 'passphrase-file=' 'smtp-url=' 'smtp-ca-file=' 'smtp-credentials-file=' 'mail-from=' 'subject=' 'message-file=' 'yes' 'h/help'
        case 'export'
            __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'private-key-dir=' 'passphrase-file=' 'email=' 'h/help'
        case 'erase'
            __inbox_parse_subcommand 1 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'email=' 'override-hold' 'reason=' 'h/help'
        case 'hold'
            __inbox_parse_subcommand 1 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'private-key-dir=' 'passphrase-file=' 'reason=' 'h/help'
        case 'release'
            __inbox_parse_subcommand 1 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'private-key-dir=' 'passphrase-file=' 'h/help'
        case 'policy'
            __inbox_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'check'
                __inbox_parse_subcommand 1 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'h/help'
            case 'show'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'h/help'
            case 'notice'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'lang=' 'h/help'
            case 'record'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'h/help'
            end
        case 'purge'
            __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'dry-run' 'as-of=' 'confirm-clock' 'h/help'
        case 'audit'
            __inbox_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'verify'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'h/help'
            case 'list'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'json' 'h/help'
            case 'restore'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'reason=' 'h/help'
            end
        case 'database'
            __inbox_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'migrate'
                __inbox_parse_subcommand 0 'data-dir=' 'key-dir=' 'policy=' 'config=' 'database=' 'database-ca-file=' 'database-password-file=' 'h/help'
            end
        case 'help'
            __inbox_parse_subcommand -r 1 
        end
    end
end

function __inbox_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __inbox_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __inbox_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __inbox_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__inbox_tokens -p)
    if test -z "$(__inbox_tokens -t)"
        set -l index (count (__inbox_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'inbox' -f
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'keys' -d 'Create the inbox\'s keys, list the epoch keys, change the master key\'s passphrase.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'list' -d 'List records: reference, status, when received and answered, and when the address will be deleted.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'show' -d 'Read a question and its answer (purpose: answering). Needs the passphrase; every opening is audited.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'answer' -d 'Answer a question by email (purpose: answering). Needs the passphrase and a relay (--smtp-url).'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'export' -d 'Print everything held about the person with this address, as JSON (an access request). Needs the passphrase.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'erase' -d 'Erase records now, with every field and index entry, and remember the erasure across restores.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'hold' -d 'Put a record under legal hold: it is kept, re-sealed to the hold keys, until released.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'release' -d 'Release a legal hold: the record is re-sealed to the current epoch and the policy\'s deadlines apply again.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'policy' -d 'Check the retention policy, and print the privacy notice and record of processing made from it.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'purge' -d 'Delete expired fields and records, destroy expired keys, and create the epochs ahead.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'audit' -d 'Verify or list the audit log of every opening of personal data; accept the logs of a restored database.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'database' -d 'Create or upgrade the database\'s schema.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox keys" -eq 1' -fa 'init' -d 'Set up a new inbox: its data directory, the master key and the epoch keys.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox keys" -eq 1' -fa 'list' -d 'List the keys: epoch (or hold), field, state (current, future, retired, destroying, destroyed, hold) and dates.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox keys" -eq 1' -fa 'passwd' -d 'Change the passphrase of the master private key; the keys themselves stay the same.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox keys" -eq 1' -fa 'export-intake' -d 'Write the intake bundle (public and index keys of the current and future epochs) for intake nodes.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" private-key-dir' -l 'private-key-dir' -d 'Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" passphrase-file' -l 'passphrase-file' -d 'Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" json' -l 'json' -d 'Print one JSON array instead of a table.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" private-key-dir' -l 'private-key-dir' -d 'Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" passphrase-file' -l 'passphrase-file' -d 'Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" new-passphrase-file' -l 'new-passphrase-file' -d 'Read the new passphrase from the first line of this file.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys passwd" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" to' -l 'to' -d 'The bundle\'s directory, replaced whole if it exists.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox keys export-intake" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" status' -l 'status' -d 'Which records: open, answered, held or all.' -rfka 'open answered held all'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" json' -l 'json' -d 'Print one JSON array of every match, without a limit.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" all' -l 'all' -d 'On a terminal, show every match rather than one screen.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" limit' -l 'limit' -d 'Show at most this many records, oldest first.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" private-key-dir' -l 'private-key-dir' -d 'Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" passphrase-file' -l 'passphrase-file' -d 'Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" json' -l 'json' -d 'Print one JSON object.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" reveal-email' -l 'reveal-email' -d 'Show the whole address instead of a•••@e•••.se; needs --reason.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" reason' -l 'reason' -d 'Why the address must be seen (written to the audit log).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" private-key-dir' -l 'private-key-dir' -d 'Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" passphrase-file' -l 'passphrase-file' -d 'Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" smtp-url' -l 'smtp-url' -d 'The relay: smtp://HOST[:587] (STARTTLS required), smtps://HOST[:465] or smtp+plain://HOST:PORT (loopback only) (env INBOX_SMTP_URL).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" smtp-ca-file' -l 'smtp-ca-file' -d 'PEM file of the private CA that signed the relay\'s certificate (env INBOX_SMTP_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" smtp-credentials-file' -l 'smtp-credentials-file' -d 'A file of two lines, user name and password, readable by its owner only (env INBOX_SMTP_CREDENTIALS_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" mail-from' -l 'mail-from' -d 'The sender: an address, or "Name <address>" (env INBOX_MAIL_FROM).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" subject' -l 'subject' -d 'The subject, before the reference (env INBOX_MAIL_SUBJECT, default "Svar på din fråga").' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" message-file' -l 'message-file' -d 'Send the UTF-8 text of this file (`-`: standard input) instead of opening an editor.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" yes' -l 'yes' -d 'Send without asking for confirmation on the terminal.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox answer" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" private-key-dir' -l 'private-key-dir' -d 'Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" passphrase-file' -l 'passphrase-file' -d 'Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" email' -l 'email' -d 'The person\'s email address, as they give it.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" email' -l 'email' -d 'Erase every record of the person with this address.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" override-hold' -l 'override-hold' -d 'Erase held records too; needs --reason.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" reason' -l 'reason' -d 'Why a hold is overridden (written to the audit log).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox erase" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" private-key-dir' -l 'private-key-dir' -d 'Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" passphrase-file' -l 'passphrase-file' -d 'Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" reason' -l 'reason' -d 'Why the record must be kept (a case number, not personal data).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox hold" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" private-key-dir' -l 'private-key-dir' -d 'Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" passphrase-file' -l 'passphrase-file' -d 'Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox release" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox policy" -eq 1' -fa 'check' -d 'Check a policy file: every error is reported with its file, line and a hint.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox policy" -eq 1' -fa 'show' -d 'Show, for each field, what is kept, why and for how long.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox policy" -eq 1' -fa 'notice' -d 'Print the privacy notice (GDPR art. 13) that the form shows, as Markdown.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox policy" -eq 1' -fa 'record' -d 'Print the record of processing (GDPR art. 30) as Markdown.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" lang' -l 'lang' -d 'The language: sv or en.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy notice" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox policy record" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" dry-run' -l 'dry-run' -d 'Print what would be deleted and destroyed, and by which rule; change nothing.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" as-of' -l 'as-of' -d 'With --dry-run: plan for this moment (ISO 8601) instead of now.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" confirm-clock' -l 'confirm-clock' -d 'Act although more time passed since the last purge than the policy\'s purge.max_gap: the clock is right, the timer stood still.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox purge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox audit" -eq 1' -fa 'verify' -d 'Check the audit log\'s and the purge log\'s hash chains and anchors; exit non-zero and name the first broken entry.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox audit" -eq 1' -fa 'list' -d 'List the audit log, oldest first.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox audit" -eq 1' -fa 'restore' -d 'Accept the audit and purge logs of a restored database as they end now (audited, with a reason).'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" json' -l 'json' -d 'Print one JSON array.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" reason' -l 'reason' -d 'Why the logs end earlier than their anchors: which backup was restored, and when.' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox audit restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_positional "inbox database" -eq 1' -fa 'migrate' -d 'Apply the schema migrations the database lacks (PostgreSQL: as the schema\'s owner).'
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" data-dir' -l 'data-dir' -d 'The inbox\'s data directory (env INBOX_DATA_DIR, default ./var).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" key-dir' -l 'key-dir' -d 'The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" policy' -l 'policy' -d 'The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" config' -l 'config' -d 'A TOML configuration file of `name = "value"` settings (env INBOX_CONFIG).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" database' -l 'database' -d 'A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" database-ca-file' -l 'database-ca-file' -d 'The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" database-password-file' -l 'database-password-file' -d 'The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).' -rfka ''
complete -c 'inbox' -n '__inbox_should_offer_completions_for_flags_or_options "inbox database migrate" h help' -s 'h' -l 'help' -d 'Show help information.'

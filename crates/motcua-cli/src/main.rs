//! `motcua`: quarterly figures and grades of a Vietnamese public administration service
//! center. See `motcua --help`.

fn main() -> std::process::ExitCode {
    motcua_cli::boundary::guard(motcua_cli::main)
}

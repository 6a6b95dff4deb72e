//! The `motcua` command, built inside the test package so its tests can run it.

fn main() -> std::process::ExitCode {
    motcua_cli::boundary::guard(motcua_cli::main)
}

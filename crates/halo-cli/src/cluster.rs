//! Which cluster a command talks to (the Solana CLI's monikers and config file), and the
//! local validator binary behind `halo localnet`.
use std::path::{Path, PathBuf};

/// The Solana CLI's monikers and their public JSON-RPC endpoints.
const MONIKERS: [(&str, &str, &str); 4] = [
    ("localhost", "l", "http://127.0.0.1:8899"),
    ("devnet", "d", "https://api.devnet.solana.com"),
    ("testnet", "t", "https://api.testnet.solana.com"),
    ("mainnet-beta", "m", "https://api.mainnet-beta.solana.com"),
];

/// `-u` as given (a moniker or a URL), else the Solana CLI config's `json_rpc_url`, else
/// localhost.
pub fn resolve(url: Option<&str>) -> String {
    match url {
        Some(u) => moniker_or_url(u),
        None => solana_config_url(&solana_config_path()).unwrap_or_else(|| MONIKERS[0].2.into()),
    }
}

/// A moniker's endpoint, or the value itself (a URL).
pub fn moniker_or_url(u: &str) -> String {
    MONIKERS
        .iter()
        .find(|(long, short, _)| u == *long || u == *short)
        .map(|(_, _, url)| (*url).to_string())
        .unwrap_or_else(|| u.to_string())
}

/// `$SOLANA_CONFIG` or ~/.config/solana/cli/config.yml.
fn solana_config_path() -> PathBuf {
    if let Some(p) = std::env::var_os("SOLANA_CONFIG") {
        return p.into();
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    Path::new(&home).join(".config/solana/cli/config.yml")
}

/// `json_rpc_url` from a Solana CLI config file (a flat YAML map), if it has one.
pub fn solana_config_url(path: &Path) -> Option<String> {
    solana_config_value(path, "json_rpc_url")
}

/// `key`'s value in a Solana CLI config file (a flat YAML map), if it has one.
fn solana_config_value(path: &Path, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find_map(|l| {
        let v = l.trim().strip_prefix(key)?.strip_prefix(':')?.trim();
        let v = v.trim_matches(|c| c == '"' || c == '\'');
        (!v.is_empty()).then(|| v.to_string())
    })
}

/// `-k` as given, else the Solana CLI config's `keypair_path`, else
/// ~/.config/solana/id.json (the Solana CLI's own order).
pub fn keypair_path(given: Option<&str>) -> PathBuf {
    let from_config = || solana_config_value(&solana_config_path(), "keypair_path");
    match given.map(str::to_string).or_else(from_config) {
        Some(p) => expand_home(&p),
        None => expand_home("~/.config/solana/id.json"),
    }
}

/// `~/…` with $HOME put in (clap's default keypair path, as the Solana CLI writes it).
pub fn expand_home(path: &str) -> PathBuf {
    match path.strip_prefix("~/") {
        Some(rest) => Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(rest),
        None => path.into(),
    }
}

/// Where `halo localnet` looks for the validator binary, in order: `$HALO_LOCALNET`, beside
/// this binary, then the bench's target directory (`$CARGO_TARGET_DIR/bench` or
/// `target/bench`, as scripts/test builds it).
pub fn localnet_binary() -> Result<PathBuf, String> {
    if std::env::var_os("HALO_LOCALNET").is_none() {
        let beside = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|d| d.join("halo-localnet")))
            .filter(|p| p.is_file());
        if let Some(p) = beside {
            return Ok(p);
        }
    }
    halo_harness::rpc::localnet_binary()
}

/// Replaces this process with `halo-localnet` and the given arguments (so an interrupt or
/// a closed standard input stops the validator itself).
pub fn exec_localnet(args: Vec<String>) -> ! {
    use std::os::unix::process::CommandExt;
    let bin = localnet_binary().unwrap_or_else(|e| {
        eprintln!("halo localnet: {e}");
        std::process::exit(2)
    });
    // cargo's, when run through `cargo run`: halo-localnet would look for the programs there
    let err = std::process::Command::new(&bin)
        .args(args)
        .env_remove("CARGO_MANIFEST_DIR")
        .exec();
    eprintln!("halo localnet: {} does not start: {err}", bin.display());
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monikers_and_urls() {
        assert_eq!(moniker_or_url("localhost"), "http://127.0.0.1:8899");
        assert_eq!(moniker_or_url("l"), "http://127.0.0.1:8899");
        assert_eq!(moniker_or_url("m"), "https://api.mainnet-beta.solana.com");
        assert_eq!(moniker_or_url("devnet"), "https://api.devnet.solana.com");
        assert_eq!(
            moniker_or_url("http://10.0.0.1:8899"),
            "http://10.0.0.1:8899"
        );
    }

    #[test]
    fn reads_json_rpc_url_from_a_solana_cli_config() {
        let dir = std::env::temp_dir().join(format!("halo-cli-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("config.yml");
        std::fs::write(
            &file,
            "---\njson_rpc_url: \"http://127.0.0.1:18899\"\nwebsocket_url: \"\"\nkeypair_path: /k.json\ncommitment: confirmed\n",
        )
        .unwrap();
        assert_eq!(
            solana_config_url(&file).as_deref(),
            Some("http://127.0.0.1:18899")
        );
        assert_eq!(
            solana_config_value(&file, "keypair_path").as_deref(),
            Some("/k.json")
        );
        std::fs::write(&file, "---\nkeypair_path: /k.json\n").unwrap();
        assert_eq!(solana_config_url(&file), None);
        assert_eq!(solana_config_url(&dir.join("missing.yml")), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! The repository describes itself correctly: `Anchor.toml` lists every program at its
//! `declare_id!` for each cluster, `anchor test` runs the suite against an offline
//! Surfpool on loopback, and no build or test step reaches outside the clone.
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
    )
    .join("..")
}

/// `name = "value"` lines of one `[section]` of a TOML file.
fn section(text: &str, name: &str) -> Vec<(String, String)> {
    let header = format!("[{name}]");
    text.lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            Some((k.trim().to_string(), v.trim().trim_matches('"').to_string()))
        })
        .collect()
}

#[test]
fn anchor_toml_lists_every_program_at_its_id_on_every_cluster() {
    let text = std::fs::read_to_string(root().join("Anchor.toml")).expect("Anchor.toml");
    let want = [
        ("halo_pau", halo_pau::ID.to_string()),
        ("halo_oracle", halo_oracle::ID.to_string()),
        ("halo_trading", halo_trading::ID.to_string()),
        ("halo_lcts", halo_lcts::ID.to_string()),
        ("halo_nfat", halo_nfat::ID.to_string()),
        ("halo_nfat_hook", halo_nfat_hook::ID.to_string()),
    ];
    for cluster in ["localnet", "devnet", "mainnet"] {
        let mut got = section(&text, &format!("programs.{cluster}"));
        got.sort();
        let mut want: Vec<(String, String)> = want
            .iter()
            .map(|(n, id)| (n.to_string(), id.clone()))
            .collect();
        want.sort();
        assert_eq!(got, want, "[programs.{cluster}]");
    }
}

#[test]
fn no_build_or_test_step_reads_outside_the_clone() {
    let mut files = vec![
        root().join(".ci/run"),
        root().join("Cargo.toml"),
        root().join("bench/Cargo.toml"),
        root().join("app/package.json"),
        root().join("Anchor.toml"),
    ];
    for dir in ["scripts", "tools/sbf"] {
        for entry in std::fs::read_dir(root().join(dir)).expect(dir) {
            let path = entry.expect("entry").path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split('#').next().unwrap_or("");
            assert!(
                !code.contains("../shared") && !code.contains("/work/"),
                "{}:{} reaches outside the clone: {line}",
                f.display(),
                n + 1
            );
        }
    }
}

#[test]
fn anchor_test_runs_the_whole_suite_against_surfpool_offline_on_loopback() {
    let text = std::fs::read_to_string(root().join("Anchor.toml")).expect("Anchor.toml");
    let scripts = section(&text, "scripts");
    assert_eq!(
        scripts,
        vec![("test".to_string(), "bash scripts/test".to_string())],
        "[scripts] test is the README's test command"
    );
    let surfpool = section(&text, "surfpool");
    for (k, v) in [
        ("host", "127.0.0.1"),
        ("rpc_port", "8899"),
        ("online", "false"),
    ] {
        assert!(
            surfpool.iter().any(|(a, b)| a == k && b == v),
            "[surfpool] {k} = {v}: {surfpool:?}"
        );
    }
    let legacy = section(&text, "test.validator");
    assert!(
        legacy
            .iter()
            .any(|(a, b)| a == "bind_address" && b == "127.0.0.1"),
        "[test.validator] on loopback: {legacy:?}"
    );
    assert!(
        section(&text, "test")
            .iter()
            .any(|(a, b)| a == "upgradeable" && b == "true"),
        "the legacy validator loads the programs upgradeable (the configurator checks the upgrade authority)"
    );
}

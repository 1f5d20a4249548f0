//! Events from natively compiled programs, into the transaction's logs.
//!
//! On SBF, `emit!` (the `sol_log_data` syscall) logs `Program data: <base64>`. Natively,
//! solana-program-test's syscall stubs leave `sol_log_data` to the default stub, which
//! prints to stdout, so the embedded chain's logs would carry no events. [`install`] wraps
//! program-test's stubs: everything goes to them unchanged but `sol_log_data`, which is
//! logged through their `sol_log` with a marker that [`restore`] turns back into the
//! `Program data:` line a cluster writes. The logs then read as a real cluster's.
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::{
    account_info::AccountInfo, entrypoint::ProgramResult, instruction::Instruction,
};
use base64::Engine;
use solana_sysvar::program_stubs::{set_syscall_stubs, SyscallStubs};

/// What a native event's log line starts with before [`restore`] (no program logs it).
const MARKER: &str = "\u{1}halo-native-data: ";

struct WithEvents {
    inner: Box<dyn SyscallStubs>,
}

impl SyscallStubs for WithEvents {
    fn sol_log(&self, message: &str) {
        self.inner.sol_log(message)
    }
    fn sol_log_compute_units(&self) {
        self.inner.sol_log_compute_units()
    }
    fn sol_remaining_compute_units(&self) -> u64 {
        self.inner.sol_remaining_compute_units()
    }
    fn sol_invoke_signed(
        &self,
        instruction: &Instruction,
        account_infos: &[AccountInfo],
        signers_seeds: &[&[&[u8]]],
    ) -> ProgramResult {
        self.inner
            .sol_invoke_signed(instruction, account_infos, signers_seeds)
    }
    fn sol_get_sysvar(
        &self,
        sysvar_id_addr: *const u8,
        var_addr: *mut u8,
        offset: u64,
        length: u64,
    ) -> u64 {
        self.inner
            .sol_get_sysvar(sysvar_id_addr, var_addr, offset, length)
    }
    fn sol_get_clock_sysvar(&self, var_addr: *mut u8) -> u64 {
        self.inner.sol_get_clock_sysvar(var_addr)
    }
    fn sol_get_epoch_schedule_sysvar(&self, var_addr: *mut u8) -> u64 {
        self.inner.sol_get_epoch_schedule_sysvar(var_addr)
    }
    fn sol_get_fees_sysvar(&self, var_addr: *mut u8) -> u64 {
        self.inner.sol_get_fees_sysvar(var_addr)
    }
    fn sol_get_rent_sysvar(&self, var_addr: *mut u8) -> u64 {
        self.inner.sol_get_rent_sysvar(var_addr)
    }
    fn sol_get_epoch_rewards_sysvar(&self, var_addr: *mut u8) -> u64 {
        self.inner.sol_get_epoch_rewards_sysvar(var_addr)
    }
    fn sol_get_last_restart_slot(&self, var_addr: *mut u8) -> u64 {
        self.inner.sol_get_last_restart_slot(var_addr)
    }
    fn sol_get_epoch_stake(&self, vote_address: *const u8) -> u64 {
        self.inner.sol_get_epoch_stake(vote_address)
    }
    unsafe fn sol_memcpy(&self, dst: *mut u8, src: *const u8, n: usize) {
        // SAFETY: the caller's contract, passed on unchanged
        unsafe { self.inner.sol_memcpy(dst, src, n) }
    }
    unsafe fn sol_memmove(&self, dst: *mut u8, src: *const u8, n: usize) {
        // SAFETY: the caller's contract, passed on unchanged
        unsafe { self.inner.sol_memmove(dst, src, n) }
    }
    unsafe fn sol_memcmp(&self, s1: *const u8, s2: *const u8, n: usize, result: *mut i32) {
        // SAFETY: the caller's contract, passed on unchanged
        unsafe { self.inner.sol_memcmp(s1, s2, n, result) }
    }
    unsafe fn sol_memset(&self, s: *mut u8, c: u8, n: usize) {
        // SAFETY: the caller's contract, passed on unchanged
        unsafe { self.inner.sol_memset(s, c, n) }
    }
    fn sol_get_return_data(&self) -> Option<(Pubkey, Vec<u8>)> {
        self.inner.sol_get_return_data()
    }
    fn sol_set_return_data(&self, data: &[u8]) {
        self.inner.sol_set_return_data(data)
    }
    fn sol_log_data(&self, fields: &[&[u8]]) {
        let encoded: Vec<String> = fields
            .iter()
            .map(|f| base64::engine::general_purpose::STANDARD.encode(f))
            .collect();
        self.inner
            .sol_log(&format!("{MARKER}{}", encoded.join(" ")))
    }
    fn sol_get_processed_sibling_instruction(&self, index: usize) -> Option<Instruction> {
        self.inner.sol_get_processed_sibling_instruction(index)
    }
    fn sol_get_stack_height(&self) -> u64 {
        self.inner.sol_get_stack_height()
    }
}

/// Wraps the syscall stubs installed now (program-test's: call it after the first chain
/// started), once per process.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        struct Placeholder;
        impl SyscallStubs for Placeholder {}
        let inner = set_syscall_stubs(Box::new(Placeholder));
        set_syscall_stubs(Box::new(WithEvents { inner }));
    });
}

/// The log lines as a cluster writes them (`Program data: ...` for each event).
pub fn restore(logs: Vec<String>) -> Vec<String> {
    let marked = format!("Program log: {MARKER}");
    logs.into_iter()
        .map(|l| match l.strip_prefix(&marked) {
            Some(data) => format!("Program data: {data}"),
            None => l,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn marked_lines_become_program_data_and_nothing_else_changes() {
        let logs = vec![
            "Program X invoke [1]".to_string(),
            format!("Program log: {}AQID", super::MARKER),
            "Program log: data: not an event".to_string(),
        ];
        assert_eq!(
            super::restore(logs),
            vec![
                "Program X invoke [1]".to_string(),
                "Program data: AQID".to_string(),
                "Program log: data: not an event".to_string(),
            ]
        );
    }
}

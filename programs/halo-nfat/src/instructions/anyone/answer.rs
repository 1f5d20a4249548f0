//! How a view hands back its answer. Anchor sets the return data of an instruction that
//! returns a value through the `sol_set_return_data` syscall, which exists only on SBF;
//! in a native build (the programs compiled for the host under solana-program-test) that
//! call does nothing, so the view records its answer through the runtime's syscall
//! stubs itself, and the native tests read the same bytes a client reads on a cluster.
use anchor_lang::prelude::*;

/// Records `value` as the instruction's return data in a native build (on SBF, Anchor's
/// own return does it); returns `value` for Anchor to return.
pub fn answer<T: AnchorSerialize>(value: T) -> Result<T> {
    #[cfg(not(target_os = "solana"))]
    {
        let mut bytes = Vec::new();
        value.serialize(&mut bytes)?;
        solana_sysvar::program_stubs::sol_set_return_data(&bytes);
    }
    Ok(value)
}

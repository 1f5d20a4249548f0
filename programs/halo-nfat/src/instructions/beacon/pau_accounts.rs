use anchor_lang::prelude::*;

/// The `halo_pau` accounts a facility's PAU movement passes through, validated by
/// `halo_pau::draw` itself (the facility pins the controller and the route).
#[derive(Accounts)]
pub struct PauAccounts<'info> {
    /// CHECK: the facility's PAU integration (validated by `halo_pau`).
    pub integration: UncheckedAccount<'info>,
    /// CHECK: the facility's PAU controller (pinned by the handler's checks).
    pub controller: UncheckedAccount<'info>,
    /// CHECK: the controller's ALM proxy (validated by `halo_pau`).
    pub proxy: UncheckedAccount<'info>,
    /// CHECK: the route's rate limit (pinned by the handler's checks).
    #[account(mut)]
    pub rate_limit: UncheckedAccount<'info>,
    /// CHECK: the proxy's custody account (validated by `halo_pau`).
    #[account(mut)]
    pub custody: UncheckedAccount<'info>,
    /// CHECK: halo_pau.
    #[account(address = halo_pau::ID)]
    pub pau_program: UncheckedAccount<'info>,
}

impl<'info> PauAccounts<'info> {
    pub fn leg(&self) -> crate::token::PauLeg<'_, 'info> {
        crate::token::PauLeg {
            integration: self.integration.as_ref(),
            controller: self.controller.as_ref(),
            proxy: self.proxy.as_ref(),
            rate_limit: self.rate_limit.as_ref(),
            custody: self.custody.as_ref(),
            pau_program: self.pau_program.as_ref(),
        }
    }
}

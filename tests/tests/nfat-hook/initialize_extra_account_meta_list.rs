//! `initialize_extra_account_meta_list`: only the mint's mint authority, only for a mint
//! naming this hook.
use crate::common::*;
use anchor_lang::{InstructionData, ToAccountMetas};

fn init_ix(payer: &Pubkey, authority: &Pubkey, mint: &Pubkey) -> halo_sdk::Instruction {
    halo_sdk::Instruction {
        program_id: halo_nfat_hook::ID,
        accounts: halo_nfat_hook::accounts::InitializeExtraAccountMetaList {
            payer: *payer,
            mint_authority: *authority,
            mint: *mint,
            extra_account_meta_list: halo_sdk::pda::nfat_extra_account_metas(mint),
            system_program: anchor_lang::system_program::ID,
        }
        .to_account_metas(None),
        data: halo_nfat_hook::instruction::InitializeExtraAccountMetaList {}.data(),
    }
}

#[tokio::test]
async fn initialize_fails_for_anyone_but_the_mint_authority() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (_, _, deal) = struck(&mut chain, &env, t).await;
    // the deal's mint has no mint authority left: nobody can re-create its list
    let stranger = env.wallet(&mut chain, 0).await;
    let list = halo_sdk::pda::nfat_extra_account_metas(&deal.nft_mint);
    let ix = init_ix(&stranger.pubkey(), &stranger.pubkey(), &deal.nft_mint);
    refused_unchanged(
        &mut chain,
        &env,
        &[list, deal.nft_mint],
        ix,
        &[&stranger.key],
        HookError::NotMintAuthority,
    )
    .await;
}

#[tokio::test]
async fn initialize_fails_for_a_mint_that_does_not_name_the_hook() {
    let (mut chain, env) = setup().await;
    // a plain Token-2022 mint whose mint authority (the payer) signs
    let mint = chain.create_mint(MintKind::Token2022, 0).await;
    let payer = chain.payer_key();
    let list = halo_sdk::pda::nfat_extra_account_metas(&mint);
    let ix = init_ix(&payer, &payer, &mint);
    refused_unchanged(
        &mut chain,
        &env,
        &[list, mint],
        ix,
        &[],
        HookError::HookNotOnMint,
    )
    .await;
    // a classic SPL Token mint is not even a Token-2022 account
    let classic = chain.create_mint(MintKind::SplToken, 0).await;
    let ix = init_ix(&payer, &payer, &classic);
    refused_unchanged(
        &mut chain,
        &env,
        &[classic],
        ix,
        &[],
        HookError::WrongTokenAccount,
    )
    .await;
}

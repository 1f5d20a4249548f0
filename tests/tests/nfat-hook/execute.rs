//! `execute` called directly (not by Token-2022 mid-transfer), or with accounts that are
//! not the mint's list: refused, nothing changes.
use crate::common::*;

/// The hook's Execute with the accounts a transfer of `deal`'s NFT from `p` to `to` would
/// pass (source, mint, destination, owner, list, facility, halo_nfat, holder entry).
fn direct(env: &NfatEnv, p: &Wallet, deal: &DealRef, to: &Pubkey) -> halo_sdk::Instruction {
    use halo_sdk::AccountMeta;
    let mut data = vec![105, 37, 101, 197, 75, 251, 102, 26];
    data.extend_from_slice(&1u64.to_le_bytes());
    halo_sdk::Instruction {
        program_id: halo_nfat_hook::ID,
        accounts: vec![
            AccountMeta::new_readonly(tx::nft_account(&p.pubkey(), &deal.nft_mint), false),
            AccountMeta::new_readonly(deal.nft_mint, false),
            AccountMeta::new_readonly(tx::nft_account(to, &deal.nft_mint), false),
            AccountMeta::new_readonly(p.pubkey(), true),
            AccountMeta::new_readonly(
                halo_sdk::pda::nfat_extra_account_metas(&deal.nft_mint),
                false,
            ),
            AccountMeta::new_readonly(env.facility.facility, false),
            AccountMeta::new_readonly(halo_nfat::ID, false),
            AccountMeta::new_readonly(env.facility.holder_entry(to), false),
        ],
        data,
    }
}

#[tokio::test]
async fn execute_fails_outside_a_token_2022_transfer() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (p, _, deal) = struck(&mut chain, &env, t).await;
    let to = env.wallet(&mut chain, 0).await;
    chain
        .must(
            &[tx::create_nft_account(
                &p.pubkey(),
                &to.pubkey(),
                &deal.nft_mint,
            )],
            &[&p.key],
        )
        .await;
    let ix = direct(&env, &p, &deal, &to.pubkey());
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.nft_mint],
        ix,
        &[&p.key],
        HookError::NotTransferring,
    )
    .await;
}

#[tokio::test]
async fn execute_fails_with_another_mints_list_or_token_accounts() {
    let (mut chain, env) = setup().await;
    let t = bullet(&mut chain).await;
    let (p, book, deal) = struck(&mut chain, &env, t).await;
    // a second deal: its list and its token account do not belong to the first mint
    let q = queued_prime(&mut chain, &env, 25 * MILLION).await;
    let other = env.claim(&mut chain, &q.pubkey(), book, t).await.unwrap();
    chain
        .must(
            &[tx::create_nft_account(
                &p.pubkey(),
                &q.pubkey(),
                &deal.nft_mint,
            )],
            &[&p.key],
        )
        .await;
    let ix = direct(&env, &p, &deal, &q.pubkey());
    let wrong_list = swap_account(
        ix.clone(),
        &halo_sdk::pda::nfat_extra_account_metas(&deal.nft_mint),
        &halo_sdk::pda::nfat_extra_account_metas(&other.nft_mint),
    );
    assert_err(
        chain.send(&[wrong_list], &[&p.key]).await,
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
    let wrong_source = swap_account(
        ix,
        &tx::nft_account(&p.pubkey(), &deal.nft_mint),
        &tx::nft_account(&q.pubkey(), &other.nft_mint),
    );
    refused_unchanged(
        &mut chain,
        &env,
        &[deal.nft_mint],
        wrong_source,
        &[&p.key],
        HookError::WrongTokenAccount,
    )
    .await;
}

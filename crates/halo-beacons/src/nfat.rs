//! **lpha-nfat**, the Structuring Halo's beacon, and **lpha-attest**, its attestor.
//!
//! lpha-nfat, each cycle (all derived from chain state plus the external inputs, so a
//! second cycle with nothing new does nothing):
//! 1. strike: each agreed deal not yet on chain (no deal of that Prime with those terms),
//!    inside the buybox, with the Prime approved and enough queued → `claim` into the
//!    newest open book (a new book first if none is open); a deal outside the buybox or
//!    short of queue is reported, not sent;
//! 2. deploy: a Filling book with a fresh pre-deployment attestation → Deploying; a
//!    Deploying book's vault → `deploy`, bounded by the deploy route's available amount;
//!    an emptied Deploying book with a fresh at-rest attestation → AtRest; a book waiting
//!    on its attestation is reported;
//! 3. return: what the RWA endpoint reports repaid for a book, not yet returned →
//!    `return_funds`, bounded by the return route and custody;
//! 4. fund: each book's returned capital not yet allocated goes to its deals' amounts due
//!    now (recorded penalties first, then interest, then principal); when short, pro rata
//!    to principal (pari passu);
//! 5. report: late deals (days overdue) and deals the warden may mark defaulted.
//!
//! Nothing is sent while the facility is halted except returns (which only bring money
//! home). Its key is the facility's `beacon`: it cannot change the buybox, roles, routes,
//! the allow-list, mark defaults or write off (the program refuses it; see
//! tests/tests/nfat/governance.rs).
//!
//! lpha-attest posts a book's attestation when the book needs one (Filling: pre-deployment;
//! Deploying with its capital out: at rest) and the off-chain attestation report has a
//! hash for it.
use anchor_lang::prelude::Pubkey;
use halo_math::deal::Amounts;
use halo_math::shares::pro_rata;
use halo_sdk::ledger::{Keypair, Ledger, Refusal, Signer};
use halo_sdk::nfat::{
    self as tx, AttestationKind, Book, BookStatus, Deal, DealRef, DealStatus, Facility,
    FacilityRef, Terms,
};
use halo_sdk::Instruction;

/// A deal agreed off chain between the Halo and a Prime, for the beacon to strike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Agreed {
    pub prime: Pubkey,
    pub terms: Terms,
}

/// What the beacon reads before planning.
#[derive(Clone, Debug)]
pub struct Observed {
    pub now: i64,
    pub facility: Facility,
    /// Every book with its address, by id.
    pub books: Vec<(Pubkey, Book)>,
    /// Every open deal.
    pub deals: Vec<(DealRef, Deal)>,
    /// Approved Primes with their queued capital.
    pub primes: Vec<(Pubkey, u64)>,
    /// precision: base units the deploy / return routes can move now.
    pub deploy_available: u64,
    pub return_available: u64,
    pub custody_balance: u64,
}

/// External inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct External {
    pub agreed: Vec<Agreed>,
    /// Per book: what the RWA endpoint has repaid into PAU custody for it so far (cumulative).
    pub repaid: Vec<(Pubkey, u64)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    CreateBook {
        book_id: u64,
    },
    Claim {
        prime: Pubkey,
        deal: DealRef,
        terms: Terms,
    },
    MoveBook {
        book: Pubkey,
        to: BookStatus,
    },
    Deploy {
        book: Pubkey,
        amount: u64,
    },
    ReturnFunds {
        book: Pubkey,
        amount: u64,
    },
    Fund {
        deal: DealRef,
        add: Amounts,
    },
    /// A struck deal whose NFT was never delivered (its strike went out without its last
    /// instruction): the depositor's NFT account, then `deliver_nft`.
    DeliverNft {
        deal: DealRef,
        depositor: Pubkey,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// An agreed deal the buybox refuses (the bound it breaks).
    OutsideBuybox {
        prime: Pubkey,
        why: &'static str,
    },
    /// An agreed deal its Prime has not queued enough for (or is not approved).
    ShortQueue {
        prime: Pubkey,
        queued: u64,
        needed: u64,
    },
    /// A book waiting on lpha-attest.
    AwaitingAttestation {
        book: Pubkey,
        kind: AttestationKind,
    },
    /// Deployment limited by the route.
    RouteLimited {
        book: Pubkey,
        wanted: u64,
        sent: u64,
    },
    /// A book returned less than its deals are due: funded pro rata.
    ShortBook {
        book: Pubkey,
        due: u64,
        available: u64,
    },
    /// A payment is overdue.
    Late {
        deal: Pubkey,
        days: u64,
        overdue: u64,
    },
    /// Past maturity plus grace, unpaid: the warden may mark it defaulted.
    Defaultable {
        deal: Pubkey,
    },
    Halted,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub actions: Vec<Action>,
    pub notes: Vec<Note>,
}

/// The buybox's verdict on terms, as the program would give it (first broken bound).
pub fn buybox_verdict(f: &Facility, t: &Terms, now: i64) -> Result<(), &'static str> {
    let b = &f.buybox;
    let flag = match t.schedule {
        tx::Schedule::Bullet => tx::SCHEDULE_BULLET,
        tx::Schedule::Amortizing => tx::SCHEDULE_AMORTIZING,
        tx::Schedule::PeriodicInterest => tx::SCHEDULE_PERIODIC_INTEREST,
    };
    let checks = [
        (
            t.tenor_months >= b.min_tenor_months,
            "tenor below the buybox",
        ),
        (
            t.tenor_months <= b.max_tenor_months,
            "tenor above the buybox",
        ),
        (t.principal >= b.min_principal, "size below the buybox"),
        (t.principal <= b.max_principal, "size above the buybox"),
        (t.apy_bps >= b.min_apy_bps, "APY below the buybox"),
        (t.apy_bps <= b.max_apy_bps, "APY above the buybox"),
        (b.schedules & flag != 0, "schedule not allowed"),
        (t.payments <= b.max_payments, "too many payments"),
        (
            t.start_ts >= now.saturating_sub(b.max_start_offset_s)
                && t.start_ts <= now.saturating_add(b.max_start_offset_s),
            "start outside the buybox",
        ),
        (t.check().is_ok(), "terms cannot be scheduled"),
    ];
    match checks.iter().find(|(ok, _)| !ok) {
        Some((_, why)) => Err(why),
        None => Ok(()),
    }
}

/// What a deal is due now and not funded: recorded penalty, interest, principal.
fn due_now(d: &Deal, now: i64) -> Amounts {
    let due = d.terms.due_by(now).unwrap_or_default();
    let l = &d.ledger;
    Amounts {
        principal: due.principal.saturating_sub(l.funded.principal),
        interest: due.interest.saturating_sub(l.funded.interest),
        penalty: l.penalty_owed.saturating_sub(l.funded.penalty),
    }
}

/// `amount` split over `due` in order: penalty, interest, principal.
fn split(amount: u64, due: Amounts) -> Amounts {
    let penalty = amount.min(due.penalty);
    let interest = (amount - penalty).min(due.interest);
    let principal = (amount - penalty - interest).min(due.principal);
    Amounts {
        principal,
        interest,
        penalty,
    }
}

pub fn plan(o: &Observed, ext: &External) -> Plan {
    let mut p = Plan::default();
    let f = &o.facility;
    let live = !f.halted;
    if !live {
        p.notes.push(Note::Halted);
    }
    // 0. deliveries a strike left undone (not stopped by a halt: the NFT is the Prime's)
    for (d, deal) in &o.deals {
        if deal.nft_delivered_at == 0 {
            p.actions.push(Action::DeliverNft {
                deal: *d,
                depositor: deal.depositor,
            });
        }
    }
    // 1. strikes
    let mut next_deal = f.next_deal_id;
    let mut queued: Vec<(Pubkey, u64)> = o.primes.clone();
    let mut open_book = o
        .books
        .iter()
        .rev()
        .find(|(_, b)| matches!(b.status, BookStatus::Created | BookStatus::Filling))
        .map(|(k, _)| *k);
    for a in &ext.agreed {
        let struck = o
            .deals
            .iter()
            .any(|(_, d)| d.depositor == a.prime && d.terms == a.terms);
        if struck || !live {
            continue;
        }
        if let Err(why) = buybox_verdict(f, &a.terms, o.now) {
            p.notes.push(Note::OutsideBuybox {
                prime: a.prime,
                why,
            });
            continue;
        }
        let Some(slot) = queued.iter_mut().find(|(k, _)| *k == a.prime) else {
            p.notes.push(Note::ShortQueue {
                prime: a.prime,
                queued: 0,
                needed: a.terms.principal,
            });
            continue;
        };
        if slot.1 < a.terms.principal {
            p.notes.push(Note::ShortQueue {
                prime: a.prime,
                queued: slot.1,
                needed: a.terms.principal,
            });
            continue;
        }
        slot.1 -= a.terms.principal;
        let book = match open_book {
            Some(b) => b,
            None => {
                let id = f.next_book_id;
                p.actions.push(Action::CreateBook { book_id: id });
                let b = halo_sdk::pda::nfat_book(
                    &halo_sdk::pda::nfat_facility(&f.authority, f.facility_id),
                    id,
                );
                open_book = Some(b);
                b
            }
        };
        let facility = halo_sdk::pda::nfat_facility(&f.authority, f.facility_id);
        let deal = halo_sdk::pda::nfat_deal(&facility, next_deal);
        p.actions.push(Action::Claim {
            prime: a.prime,
            deal: DealRef {
                deal_id: next_deal,
                deal,
                nft_mint: halo_sdk::pda::nfat_nft(&deal),
                book,
            },
            terms: a.terms,
        });
        next_deal += 1;
    }
    // 2. the gate and deployment
    let mut deploy_left = o.deploy_available;
    for (k, b) in &o.books {
        let booked = b.vault_booked().unwrap_or(0);
        match b.status {
            BookStatus::Filling if live && b.deals > 0 => {
                if b.has_fresh(AttestationKind::PreDeployment) {
                    p.actions.push(Action::MoveBook {
                        book: *k,
                        to: BookStatus::Deploying,
                    });
                    push_deploy(&mut p, *k, booked, &mut deploy_left);
                } else {
                    p.notes.push(Note::AwaitingAttestation {
                        book: *k,
                        kind: AttestationKind::PreDeployment,
                    });
                }
            }
            BookStatus::Deploying if live => {
                if booked > 0 {
                    push_deploy(&mut p, *k, booked, &mut deploy_left);
                } else if b.has_fresh(AttestationKind::AtRest) {
                    p.actions.push(Action::MoveBook {
                        book: *k,
                        to: BookStatus::AtRest,
                    });
                } else {
                    p.notes.push(Note::AwaitingAttestation {
                        book: *k,
                        kind: AttestationKind::AtRest,
                    });
                }
            }
            _ => {}
        }
    }
    // 3. returns, 4. funding
    let mut return_left = o.return_available.min(o.custody_balance);
    for (k, b) in &o.books {
        let mut unallocated = b.unallocated().unwrap_or(0);
        if matches!(
            b.status,
            BookStatus::Deploying | BookStatus::AtRest | BookStatus::Unwinding
        ) {
            let repaid = ext
                .repaid
                .iter()
                .find(|(bk, _)| bk == k)
                .map_or(0, |(_, v)| *v);
            let amount = repaid.saturating_sub(b.returned).min(return_left);
            if amount > 0 {
                p.actions.push(Action::ReturnFunds { book: *k, amount });
                return_left -= amount;
                unallocated += amount;
            }
        }
        if !live || unallocated == 0 {
            continue;
        }
        let due: Vec<(DealRef, Amounts, u64)> = o
            .deals
            .iter()
            .filter(|(r, d)| r.book == *k && d.status != DealStatus::WrittenOff)
            .map(|(r, d)| (*r, due_now(d, o.now), d.terms.principal))
            .filter(|(_, a, _)| a.total().unwrap_or(0) > 0)
            .collect();
        let total_due: u64 = due.iter().map(|(_, a, _)| a.total().unwrap_or(0)).sum();
        let short = total_due > unallocated;
        if short {
            p.notes.push(Note::ShortBook {
                book: *k,
                due: total_due,
                available: unallocated,
            });
        }
        let weight: u64 = due.iter().map(|(_, _, w)| *w).sum();
        for (r, a, w) in due {
            let share = if short {
                pro_rata(unallocated, w, weight).unwrap_or(0)
            } else {
                a.total().unwrap_or(0)
            };
            let add = split(share, a);
            if add.total().unwrap_or(0) > 0 {
                p.actions.push(Action::Fund { deal: r, add });
            }
        }
    }
    // 5. reports
    for (r, d) in &o.deals {
        if d.status != DealStatus::Active {
            continue;
        }
        if let Ok(s) = d
            .ledger
            .standing(&d.terms, o.now, f.buybox.late_penalty_bps_per_day)
        {
            let overdue = s.overdue.principal + s.overdue.interest;
            if overdue > 0 && s.days_overdue > 0 {
                p.notes.push(Note::Late {
                    deal: r.deal,
                    days: s.days_overdue,
                    overdue,
                });
            }
        }
        if o.now >= d.maturity_ts.saturating_add(f.buybox.grace_period_s)
            && !d.ledger.fully_funded(&d.terms)
        {
            p.notes.push(Note::Defaultable { deal: r.deal });
        }
    }
    p
}

fn push_deploy(p: &mut Plan, book: Pubkey, booked: u64, left: &mut u64) {
    let amount = booked.min(*left);
    if amount < booked {
        p.notes.push(Note::RouteLimited {
            book,
            wanted: booked,
            sent: amount,
        });
    }
    if amount > 0 {
        p.actions.push(Action::Deploy { book, amount });
        *left -= amount;
    }
}

/// lpha-attest's plan: `(book, kind)` to attest now, given the attestation report's
/// hashes (`(book, kind, hash)`).
pub fn attest_plan(
    books: &[(Pubkey, Book)],
    report: &[(Pubkey, AttestationKind, [u8; 32])],
) -> Vec<(Pubkey, AttestationKind, [u8; 32])> {
    let mut out = Vec::new();
    for (k, b) in books {
        let needed = match b.status {
            BookStatus::Filling if b.deals > 0 => Some(AttestationKind::PreDeployment),
            BookStatus::Deploying if b.vault_booked().unwrap_or(0) == 0 => {
                Some(AttestationKind::AtRest)
            }
            _ => None,
        };
        let Some(kind) = needed else { continue };
        if b.has_fresh(kind) {
            continue;
        }
        if let Some((_, _, hash)) = report.iter().find(|(bk, kd, _)| bk == k && *kd == kind) {
            out.push((*k, kind, *hash));
        }
    }
    out
}

/// The beacon's handle on one facility.
pub struct NfatBeacon {
    pub key: Keypair,
    pub facility: FacilityRef,
}

/// What one cycle did.
#[derive(Clone, Debug, Default)]
pub struct Cycle {
    pub plan: Plan,
    pub sent: Vec<Action>,
    pub failed: Vec<(Action, Refusal)>,
}

impl NfatBeacon {
    /// The instructions of one action's transaction (a strike: `claim_transaction`).
    pub fn transaction(&self, a: &Action) -> Vec<Instruction> {
        let b = self.key.pubkey();
        let f = &self.facility;
        match *a {
            Action::CreateBook { book_id } => vec![tx::create_book(&b, f, book_id)],
            Action::Claim { prime, deal, terms } => {
                tx::claim_transaction(&b, f, &prime, &deal, terms)
            }
            Action::MoveBook { book, to } => vec![tx::move_book(&b, f, &book, to)],
            Action::Deploy { book, amount } => vec![tx::deploy(&b, f, &book, amount)],
            Action::ReturnFunds { book, amount } => vec![tx::return_funds(&b, f, &book, amount)],
            Action::Fund { deal, add } => vec![tx::fund(&b, f, &deal, add)],
            Action::DeliverNft { deal, depositor } => vec![
                tx::create_nft_account(&b, &depositor, &deal.nft_mint),
                tx::deliver_nft(f, &deal, &depositor),
            ],
        }
    }

    /// Reads what `plan` needs from the chain (`primes`: the Primes to look at).
    pub async fn observe<L: Ledger>(&self, chain: &mut L, primes: &[Pubkey]) -> Observed {
        let now = chain.now().await;
        let f = &self.facility;
        let facility: Facility = chain.account(&f.facility).await;
        let mut books = Vec::new();
        for id in 0..facility.next_book_id {
            let k = f.book(id);
            books.push((k, chain.account::<Book>(&k).await));
        }
        let mut deals = Vec::new();
        for id in 0..facility.next_deal_id {
            let k = halo_sdk::pda::nfat_deal(&f.facility, id);
            if let Some(data) = chain.account_data(&k).await {
                if let Ok(d) = halo_sdk::decode::account::<Deal>(&data) {
                    deals.push((f.deal(id, d.book), d));
                }
            }
        }
        let mut queued = Vec::new();
        for prime in primes {
            if chain.account_data(&f.approval_of(prime)).await.is_none() {
                continue;
            }
            let balance = match chain.account_data(&f.deposit_of(prime)).await {
                Some(data) => halo_sdk::decode::account::<tx::QueueDeposit>(&data)
                    .ok()
                    .and_then(|d| d.balance(&facility.queue).ok())
                    .unwrap_or(0),
                None => 0,
            };
            queued.push((*prime, balance));
        }
        let available = |data: Option<Vec<u8>>| {
            data.and_then(|d| halo_sdk::decode::account::<halo_sdk::decode::RateLimit>(&d).ok())
                .map_or(0, |r| r.limit.available(now))
        };
        let deploy_available = available(chain.account_data(&facility.deploy_rate_limit).await);
        let return_available = available(chain.account_data(&facility.return_rate_limit).await);
        let custody_balance = chain.balance(&f.pau_custody).await;
        Observed {
            now,
            facility,
            books,
            deals,
            primes: queued,
            deploy_available,
            return_available,
            custody_balance,
        }
    }

    /// One cycle: observe, plan, send each action in its own transaction, in order. A
    /// refused action stops the cycle; the next cycle re-plans from fresh state.
    pub async fn cycle<L: Ledger>(
        &self,
        chain: &mut L,
        primes: &[Pubkey],
        ext: &External,
    ) -> Cycle {
        let o = self.observe(chain, primes).await;
        let plan = plan(&o, ext);
        let mut c = Cycle {
            plan: plan.clone(),
            ..Cycle::default()
        };
        for a in plan.actions {
            match chain.send(&self.transaction(&a), &[&self.key]).await {
                Ok(_) => c.sent.push(a),
                Err(e) => {
                    c.failed.push((a, e));
                    break;
                }
            }
        }
        c
    }
}

/// lpha-attest's handle on one facility.
pub struct AttestBeacon {
    pub key: Keypair,
    pub facility: FacilityRef,
}

impl AttestBeacon {
    /// Attests what the books need and the report covers; returns what it sent.
    pub async fn cycle<L: Ledger>(
        &self,
        chain: &mut L,
        report: &[(Pubkey, AttestationKind, [u8; 32])],
    ) -> Result<Vec<(Pubkey, AttestationKind)>, Refusal> {
        let facility: Facility = chain.account(&self.facility.facility).await;
        let mut books = Vec::new();
        for id in 0..facility.next_book_id {
            let k = self.facility.book(id);
            books.push((k, chain.account::<Book>(&k).await));
        }
        let mut sent = Vec::new();
        for (book, kind, hash) in attest_plan(&books, report) {
            let ix = tx::attest(&self.key.pubkey(), &self.facility, &book, kind, hash);
            chain.send(&[ix], &[&self.key]).await?;
            sent.push((book, kind));
        }
        Ok(sent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_funding_pays_penalty_then_interest_then_principal() {
        let due = Amounts {
            principal: 100,
            interest: 10,
            penalty: 3,
        };
        assert_eq!(
            split(8, due),
            Amounts {
                principal: 0,
                interest: 5,
                penalty: 3
            }
        );
        assert_eq!(split(1_000, due), due);
        assert_eq!(split(0, due), Amounts::default());
    }
}

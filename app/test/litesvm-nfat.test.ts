// The nfat client against the real programs (target/sbf/halo_{pau,nfat,nfat_hook}.so, from
// scripts/build-sbf) in LiteSVM's node package. Each test bootstraps a facility the way a
// deployment does (crates/halo-harness/src/nfat.rs): a PAU (its registration, GovOps, the
// facility's `nfat_deploy` and `nfat_return` routes' inits and the facility PDA as their
// integration, through the timelock, waited out by setting the clock), the facility with
// its vaults, buybox and roles, both rate limits opened by GovOps and set on the facility.
// Then a Prime is approved, queues and withdraws part, the beacon opens a book and strikes
// a deal in ONE transaction (`beacon.strike`: compute budget, claim, the Prime's NFT account,
// deliver_nft), the attestor and beacon walk the book through its gate, the book is
// deployed and returned through the PAU, the deal funded late (its penalty recorded and paid
// by a guarantor), the NFT moved by a plain wallet transfer (the hook's extra accounts) and
// the new holder redeems until the NFT burns. The deal view is read from return data (whole,
// or trimmed of trailing zeros as a cluster hands it back); the allow-list and the refusals
// come back as readable errors with the state unchanged. Every amount moved is the one
// src/nfat-quote.ts predicts from the decoded accounts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Keypair, PublicKey } from "@solana/web3.js";
import { address } from "@solana/kit";
import { LiteSVM } from "litesvm";
import { PauClient } from "../src/pau.ts";
import { pda } from "../src/pda.ts";
import {
  type Buybox,
  CLAIM_COMPUTE_UNITS,
  DEAL_VIEW_SIZE,
  type DealRef,
  type DealTerms,
  dealRef,
  decodeDealView,
  decodeNfatAccount,
  facilityPau,
  facilityRef,
  NfatClient,
  nfatBookOf,
  nfatBookVaultOf,
  nfatDeployRouteKey,
  nfatReturnRouteKey,
  nftAccount,
  SCHEDULE_ALL,
  TAG_NFAT_DEPLOY,
  TAG_NFAT_RETURN,
  termsHash,
  transferNft,
  createNftAccount,
} from "../src/nfat.ts";
import { decodePauAccount } from "../src/accounts.ts";
import { errorFromCode, explainError } from "../src/errors.ts";
import { NFAT_HOOK_PROGRAM_ID, NFAT_PROGRAM_ID, PAU_PROGRAM_ID } from "../src/program.ts";
import {
  type Amounts,
  dealStanding,
  dueBy,
  fund as fundLedger,
  latePenalty,
  ledgerOf,
  maturityTs,
  newLedger,
  payment,
  quoteRedeem,
  redeem as redeemLedger,
  schedule,
  termsOf,
  totalDue,
} from "../src/nfat-quote.ts";
import { createAta, createMint, mintTo, wirePau, transfer, Vm } from "./svm.ts";

const UNIT = 1_000_000n;
const MILLION = 1_000_000n * UNIT;
const DELAY = 14n * 86_400n;
const T0 = 1_800_000_000n;
const DAY = 86_400n;

// The accounts as Anchor's coder decodes them (u64 / i64 as BN, enums as `{ name: {} }`).
type Big = { toString(): string };
type Variant = Record<string, Record<string, never>>;
interface AmountsAccount {
  principal: Big;
  interest: Big;
  penalty: Big;
}
interface DealAccount {
  facility: PublicKey;
  dealId: Big;
  book: PublicKey;
  nftMint: PublicKey;
  depositor: PublicKey;
  terms: { principal: Big; apyBps: number; startTs: Big; tenorMonths: number; payments: number; schedule: Variant };
  termsHash: number[];
  maturityTs: Big;
  status: Variant;
  ledger: {
    principalOutstanding: Big;
    totalInterest: Big;
    funded: AmountsAccount;
    claimed: AmountsAccount;
    penaltyOwed: Big;
    paidThrough: number;
    coveredPrincipal: Big;
    coveredInterest: Big;
    daysLate: number;
    latePayments: number;
  };
  struckAt: Big;
  nftDeliveredAt: Big;
}
interface FacilityAccount {
  allowList: boolean;
  governance: PublicKey;
  beacon: PublicKey;
  depositMint: PublicKey;
  depositDecimals: number;
  queueVault: PublicKey;
  redeemVault: PublicKey;
  pauController: PublicKey;
  deployRateLimit: PublicKey;
  returnRateLimit: PublicKey;
  buybox: { latePenaltyBpsPerDay: number; gracePeriodS: Big };
  queue: { totalShares: Big; totalUnderlying: Big };
  deals: { open: Big; defaulted: Big; principalOutstanding: Big; redeemLiability: Big };
  nextDealId: Big;
  nextBookId: Big;
  name: string;
}
interface BookAccount {
  facility: PublicKey;
  bookId: Big;
  status: Variant;
  vault: PublicKey;
  claimedIn: Big;
  deployed: Big;
  returned: Big;
  released: Big;
  allocated: Big;
  deals: number;
  principal: Big;
}
interface DepositAccount {
  facility: PublicKey;
  prime: PublicKey;
  shares: Big;
  depositedTotal: Big;
  withdrawnTotal: Big;
  claimedTotal: Big;
}

const big = (v: Big) => BigInt(v.toString());
const amountsOfAccount = (a: AmountsAccount): Amounts => ({ principal: big(a.principal), interest: big(a.interest), penalty: big(a.penalty) });

/**
 * The harness's buybox: 6–24 months, 5M–100M, 8–15 % APY, every schedule, up to 12
 * payments, 5 bps a day late, a 30-day grace period, starts within 30 days of the strike.
 */
const BUYBOX: Buybox = {
  minTenorMonths: 6,
  maxTenorMonths: 24,
  minPrincipal: 5n * MILLION,
  maxPrincipal: 100n * MILLION,
  minApyBps: 800,
  maxApyBps: 1_500,
  schedules: SCHEDULE_ALL,
  maxPayments: 12,
  latePenaltyBpsPerDay: 5,
  gracePeriodS: 30n * DAY,
  maxStartOffsetS: 30n * DAY,
  assetType: "senior secured loan",
};
const ROUTE_MAX = 500n * MILLION;
const ROUTE_SLOPE = ROUTE_MAX / 86_400n;
const CUSTODY_FUNDING = 1_000n * MILLION;
const NAME = "Senior Secured 0";

interface Wallet {
  key: Keypair;
  /** Its deposit-mint (USDS) account. */
  token: PublicKey;
}

/** A facility bootstrapped as a deployment does it (see the file's header). */
async function setup() {
  const vm = new Vm(
    [
      [PAU_PROGRAM_ID, "halo_pau"],
      [NFAT_PROGRAM_ID, "halo_nfat"],
      [NFAT_HOOK_PROGRAM_ID, "halo_nfat_hook"],
    ],
    T0,
  );
  const pau = new PauClient();
  const nfat = new NfatClient();
  const [admin, govops, governance, beacon, attestor, warden, rwa] = Array.from({ length: 7 }, () => Keypair.generate());
  for (const k of [admin, govops, governance, beacon, attestor, warden, rwa]) vm.fund(k.publicKey);
  const payer = vm.payer.publicKey;

  // the PAU: configurator, controller, USDS in custody, the RWA endpoint's USDS account
  const usdsMint = Keypair.generate();
  const controller = pda.controller(pau.configurator, 1)[0];
  const [custody, createCustody] = createAta(vm, pda.proxy(controller)[0], usdsMint.publicKey);
  const [endpoint, createEndpoint] = createAta(vm, rwa.publicKey, usdsMint.publicKey);
  assert.equal(
    vm.error(
      [
        await pau.governance.initializeConfigurator({
          payer,
          upgradeAuthority: payer,
          admin: admin.publicKey,
          timelockDelayS: DELAY,
          sorlHopS: 64_800,
          sorlMaxChangeBps: 2_500,
        }),
        await pau.governance.initializeController({ admin: admin.publicKey, pauId: 1 }),
        ...createMint(vm, usdsMint, 6),
        createCustody,
        createEndpoint,
        mintTo(vm, usdsMint.publicKey, custody, CUSTODY_FUNDING),
      ],
      [admin, usdsMint],
    ),
    null,
  );

  // the facility (its creator becomes governance) with its queue and redeem vaults
  const f = facilityRef({
    authority: governance.publicKey,
    facilityId: 0,
    depositMint: usdsMint.publicKey,
    pau: facilityPau(controller, usdsMint.publicKey, endpoint),
  });
  assert.equal(f.pauCustody.toBase58(), custody.toBase58());
  const g = governance.publicKey;
  const roles = { beacon: beacon.publicKey, attestor: attestor.publicKey, warden: warden.publicKey };
  assert.equal(
    vm.error(
      [
        await nfat.governance.createFacility({
          facility: f,
          buybox: BUYBOX,
          roles,
          name: NAME,
          symbol: "NFAT",
          uri: "https://example.invalid/halo/nfat/deal.json",
        }),
      ],
      [governance],
    ),
    null,
  );
  const state = () => decodeNfatAccount<FacilityAccount>("facility", vm.data(f.facility));
  let s = state();
  assert.equal(s.governance.toBase58(), g.toBase58());
  assert.equal(s.beacon.toBase58(), beacon.publicKey.toBase58());
  assert.equal(s.depositMint.toBase58(), usdsMint.publicKey.toBase58());
  assert.equal(s.depositDecimals, 6);
  assert.equal(s.queueVault.toBase58(), f.queueVault.toBase58());
  assert.equal(s.redeemVault.toBase58(), f.redeemVault.toBase58());
  assert.equal(s.pauController.toBase58(), controller.toBase58());
  assert.equal(s.name, NAME);
  assert.equal(s.buybox.latePenaltyBpsPerDay, 5);
  assert.equal(s.deployRateLimit.toBase58(), PublicKey.default.toBase58(), "no routes yet");
  assert.equal(vm.tokenOwner(f.redeemVault).toBase58(), f.facility.toBase58(), "the facility PDA owns its vaults");
  // the routes cannot be set yet: their rate limits do not exist
  assert.notEqual(vm.error([await nfat.governance.setRoutes({ governance: g, facility: f })], [governance]), null);

  // the PAU side through the timelock: registration, GovOps, both routes' global inits and
  // the facility PDA as their integration (the second op adds the return key to it)
  await wirePau(vm, {
    admin,
    govops,
    controller,
    signer: f.facility,
    mint: usdsMint.publicKey,
    routes: [
      { tag: TAG_NFAT_DEPLOY, key: nfatDeployRouteKey(f), counterparty: endpoint },
      { tag: TAG_NFAT_RETURN, key: nfatReturnRouteKey(f), counterparty: f.redeemVault },
    ],
    maxAmount: ROUTE_MAX,
    slope: ROUTE_SLOPE,
    delay: DELAY,
  });
  // governance sets the routes on the facility (the beacon may not)
  assert.equal(vm.error([await nfat.governance.setRoutes({ governance: beacon.publicKey, facility: f })], [beacon]), "NotGovernance");
  assert.equal(vm.error([await nfat.governance.setRoutes({ governance: g, facility: f })], [governance]), null);
  s = state();
  assert.equal(s.deployRateLimit.toBase58(), f.deployRateLimit.toBase58());
  assert.equal(s.returnRateLimit.toBase58(), f.returnRateLimit.toBase58());
  const integration = decodePauAccount<{ signer: PublicKey; keyCount: number; keys: number[][] }>(
    pau.program,
    "integration",
    vm.data(f.pauIntegration),
  );
  assert.equal(integration.signer.toBase58(), f.facility.toBase58());
  assert.deepEqual(
    integration.keys.slice(0, integration.keyCount).map((k) => Buffer.from(k).toString("hex")),
    [nfatDeployRouteKey(f), nfatReturnRouteKey(f)].map((k) => k.toString("hex")),
  );

  /** A wallet holding `usds` base units. */
  const wallet = (usds: bigint): Wallet => {
    const key = Keypair.generate();
    vm.fund(key.publicKey, 1_000_000_000n);
    const [token, create] = createAta(vm, key.publicKey, usdsMint.publicKey);
    const ixs = [create];
    if (usds > 0n) ixs.push(mintTo(vm, usdsMint.publicKey, token, usds));
    assert.equal(vm.error(ixs), null);
    return { key, token };
  };
  /** A Prime holding `usds`, approved by `by` (the facility's governance). */
  const prime = async (usds: bigint, by: Keypair = governance): Promise<Wallet> => {
    const w = wallet(usds);
    assert.equal(vm.error([await nfat.governance.approvePrime({ governance: by.publicKey, facility: f, prime: w.key.publicKey })], [by]), null);
    return w;
  };
  const deposit = async (p: Wallet, amount: bigint) =>
    vm.error([await nfat.prime.deposit({ prime: p.key.publicKey, facility: f, primeToken: p.token, amount })], [p.key]);
  const withdraw = async (p: Wallet, amount: bigint) =>
    vm.error([await nfat.prime.withdraw({ prime: p.key.publicKey, facility: f, primeToken: p.token, amount })], [p.key]);
  const queueDeposit = (p: Wallet) =>
    decodeNfatAccount<DepositAccount>("queueDeposit", vm.data(pda.nfatDeposit(f.facility, p.key.publicKey)[0]));
  const book = (at: PublicKey) => decodeNfatAccount<BookAccount>("book", vm.data(at));
  const deal = (d: DealRef) => (vm.exists(d.deal) ? decodeNfatAccount<DealAccount>("deal", vm.data(d.deal)) : null);
  /** The beacon opens the facility's next book. */
  const createBook = async () => {
    const id = big(state().nextBookId);
    assert.equal(vm.error([await nfat.beacon.createBook({ beacon: beacon.publicKey, facility: f, bookId: id })], [beacon]), null);
    return nfatBookOf(f, id);
  };
  /** The next deal's addresses in `bookAt`. */
  const nextDeal = (bookAt: PublicKey) => dealRef(f, big(state().nextDealId), bookAt);
  const strike = async (p: Wallet, d: DealRef, terms: DealTerms) =>
    vm.sent(await nfat.beacon.strike({ beacon: beacon.publicKey, facility: f, prime: p.key.publicKey, deal: d, terms }), [beacon]);
  /** A plain wallet transfer of `d`'s NFT from `from` to `to` (its account created by `from`). */
  const transferTo = (from: Keypair, d: DealRef, to: PublicKey) =>
    vm.sent(
      [
        createNftAccount(from.publicKey, to, d.nftMint),
        transferNft({ owner: from.publicKey, facility: f, nftMint: d.nftMint, toOwner: to }),
      ],
      [from],
    );
  /** The harness's bullet: 25M at 10 % for 6 months starting now (1.25M interest at maturity). */
  const bullet = (): DealTerms => ({
    principal: 25n * MILLION,
    apyBps: 1_000,
    startTs: vm.now(),
    tenorMonths: 6,
    payments: 1,
    schedule: "bullet",
  });
  return {
    vm,
    pau,
    nfat,
    f,
    governance,
    beacon,
    attestor,
    warden,
    rwa,
    custody,
    endpoint,
    usdsMint: usdsMint.publicKey,
    state,
    wallet,
    prime,
    deposit,
    withdraw,
    queueDeposit,
    book,
    deal,
    createBook,
    nextDeal,
    strike,
    transferTo,
    bullet,
  };
}

type Env = Awaited<ReturnType<typeof setup>>;

/** The deal's NFT as Token-2022 and the Prime's account see it, after the strike. */
function assertDelivered(env: Env, d: DealRef, owner: PublicKey) {
  const { vm, f } = env;
  const account = nftAccount(owner, d.nftMint);
  assert.equal(vm.balance(account), 1n, "the Prime holds the NFT");
  assert.equal(vm.tokenOwner(account).toBase58(), owner.toBase58());
  const m = vm.mint(d.nftMint);
  assert.equal(m.supply, 1n);
  assert.equal(m.decimals, 0);
  assert.equal(m.mintAuthority, null, "the mint authority is dropped at the delivery");
  assert.ok(Buffer.from(vm.data(d.nftMint)).includes(Buffer.from(`${NAME} #${d.dealId}`)), "the metadata names the deal");
  // the hook's validation account exists, the hook's
  const list = vm.svm.getAccount(address(pda.nfatExtraAccountMetas(d.nftMint)[0].toBase58()));
  assert.ok(list.exists);
  assert.equal(list.programAddress.toString(), NFAT_HOOK_PROGRAM_ID.toBase58());
  assert.equal(f.facility.toBase58(), env.deal(d)!.facility.toBase58());
}

/** Trailing zeros trimmed, as a cluster's runtime hands return data back. */
const trimmed = (b: Uint8Array) => {
  let n = b.length;
  while (n > 0 && b[n - 1] === 0) n--;
  return b.subarray(0, n);
};

/** A decoded value with every BN as a bigint and every key as base58 (comparable with deepEqual). */
function plain(v: unknown): unknown {
  if (v instanceof PublicKey) return v.toBase58();
  if (v && typeof v === "object" && "toArrayLike" in v) return BigInt((v as Big).toString());
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

test("a facility queues, strikes a deal in one transaction, deploys and returns through the PAU, funds it late, the NFT moves and its holder redeems it to the burn", async () => {
  const env = await setup();
  const { vm, nfat, f, beacon, attestor, rwa, custody, endpoint, state, queueDeposit, book, deal } = env;

  // a Prime queues 30M and takes 5M back; shares at par in an empty queue
  const p = await env.prime(30n * MILLION);
  const outsider = env.wallet(10n * MILLION);
  assert.equal(await env.deposit(outsider, 10n * MILLION), "PrimeNotApproved");
  assert.equal(await env.deposit(p, 30n * MILLION), null);
  assert.equal(vm.balance(f.queueVault), 30n * MILLION);
  assert.equal(vm.balance(p.token), 0n);
  assert.equal(big(queueDeposit(p).shares), 30n * MILLION);
  assert.equal(await env.withdraw(p, 5n * MILLION), null);
  assert.equal(vm.balance(p.token), 5n * MILLION);
  assert.equal(vm.balance(f.queueVault), 25n * MILLION);
  let q = queueDeposit(p);
  assert.equal(big(q.shares), 25n * MILLION);
  assert.equal(big(q.depositedTotal), 30n * MILLION);
  assert.equal(big(q.withdrawnTotal), 5n * MILLION);
  assert.equal(big(state().queue.totalUnderlying), 25n * MILLION);
  assert.equal(await env.withdraw(p, 25n * MILLION + 1n), "InsufficientQueue");

  // a book, then the strike: ONE transaction (compute budget, claim, the Prime's NFT
  // account, deliver_nft), within its compute budget
  const bookAt = await env.createBook();
  assert.equal(bookAt.toBase58(), pda.nfatBook(f.facility, 0)[0].toBase58());
  let b = book(bookAt);
  assert.deepEqual(b.status, { created: {} });
  assert.equal(b.vault.toBase58(), nfatBookVaultOf(f, 0).toBase58());
  const d = env.nextDeal(bookAt);
  const terms = env.bullet();
  const ixs = await nfat.beacon.strike({ beacon: beacon.publicKey, facility: f, prime: p.key.publicKey, deal: d, terms });
  assert.equal(ixs.length, 4);
  const struck = vm.sent(ixs, [beacon]);
  assert.equal(struck.code, null, struck.logs.join("\n"));
  assert.ok(struck.computeUnits > 0n && struck.computeUnits <= BigInt(CLAIM_COMPUTE_UNITS), `the strike used ${struck.computeUnits} CU`);
  const struckAt = vm.now();
  assertDelivered(env, d, p.key.publicKey);
  assert.equal(vm.balance(f.queueVault), 0n);
  assert.equal(vm.balance(b.vault), 25n * MILLION);
  assert.equal(big(queueDeposit(p).claimedTotal), 25n * MILLION);

  // the Deal with its terms, their hash, the ledger nfat-quote.ts predicts
  const t = termsOf(terms);
  let dl = deal(d)!;
  assert.equal(big(dl.dealId), 0n);
  assert.equal(dl.book.toBase58(), bookAt.toBase58());
  assert.equal(dl.nftMint.toBase58(), d.nftMint.toBase58());
  assert.equal(dl.depositor.toBase58(), p.key.publicKey.toBase58());
  assert.deepEqual(termsOf(dl.terms), t);
  assert.deepEqual(dl.terms.schedule, { bullet: {} });
  assert.equal(Buffer.from(dl.termsHash).toString("hex"), termsHash(f.facility, 0, terms).toString("hex"));
  assert.equal(big(dl.maturityTs), maturityTs(t));
  assert.deepEqual(dl.status, { active: {} });
  assert.deepEqual(ledgerOf(dl.ledger), newLedger(t));
  assert.equal(big(dl.ledger.totalInterest), 1_250_000n * UNIT);
  assert.deepEqual(totalDue(t), { principal: 25n * MILLION, interest: 1_250_000n * UNIT });
  assert.equal(big(dl.struckAt), struckAt);
  assert.equal(big(dl.nftDeliveredAt), struckAt);
  b = book(bookAt);
  assert.deepEqual(b.status, { filling: {} });
  assert.equal(big(b.claimedIn), 25n * MILLION);
  assert.equal(b.deals, 1);
  let s = state();
  assert.equal(big(s.nextDealId), 1n);
  assert.equal(big(s.deals.open), 1n);
  assert.equal(big(s.deals.principalOutstanding), 25n * MILLION);

  // the gate: no deployment before the attestor vouched and the book moved
  const deploy = async (amount: bigint) => vm.error([await nfat.beacon.deploy({ beacon: beacon.publicKey, facility: f, book: bookAt, amount })], [beacon]);
  const move = async (to: "deploying" | "atRest") => vm.error([await nfat.beacon.moveBook({ beacon: beacon.publicKey, facility: f, book: bookAt, to })], [beacon]);
  const attest = async (kind: "preDeployment" | "atRest", signer = attestor) =>
    vm.error([await nfat.warden.attest({ attestor: signer.publicKey, facility: f, book: bookAt, kind, hash: new Uint8Array(32).fill(kind === "preDeployment" ? 1 : 2) })], [signer]);
  assert.equal(await deploy(25n * MILLION), "BookNotDeploying");
  assert.equal(await move("deploying"), "AttestationRequired");
  assert.equal(await attest("preDeployment", beacon), "NotAttestor");
  assert.equal(await attest("preDeployment"), null);
  assert.equal(await move("deploying"), null);
  assert.deepEqual(book(bookAt).status, { deploying: {} });
  // deployed through the PAU: book vault → custody → the RWA endpoint along nfat_deploy
  assert.equal(await deploy(25n * MILLION + 1n), "InsufficientBookCapital");
  assert.equal(await deploy(25n * MILLION), null);
  assert.equal(vm.balance(endpoint), 25n * MILLION);
  assert.equal(vm.balance(b.vault), 0n);
  assert.equal(vm.balance(custody), CUSTODY_FUNDING, "custody passes the deployment through");
  assert.equal(big(book(bookAt).deployed), 25n * MILLION);
  const deployLimit = decodePauAccount<{ totalOut: Big }>(env.pau.program, "rateLimit", vm.data(f.deployRateLimit));
  assert.equal(big(deployLimit.totalOut), 25n * MILLION);
  assert.equal(await move("atRest"), "AttestationRequired");
  assert.equal(await attest("atRest"), null);
  assert.equal(await move("atRest"), null);
  assert.deepEqual(book(bookAt).status, { atRest: {} });

  // three days after maturity the RWA repays principal and interest into custody and the
  // beacon returns it to the redeem vault along nfat_return
  const due = payment(t, 0);
  assert.equal(due.dueTs, maturityTs(t));
  assert.deepEqual(schedule(t), [due]);
  vm.setTime(due.dueTs + 3n * DAY);
  const now = vm.now();
  const owed = dueBy(t, now);
  assert.deepEqual(owed, { principal: due.principal, interest: due.interest });
  const owedTotal = owed.principal + owed.interest;
  assert.equal(owedTotal, 26_250_000n * UNIT);
  assert.equal(vm.error([mintTo(vm, env.usdsMint, endpoint, owedTotal - 25n * MILLION), transfer(endpoint, custody, rwa.publicKey, owedTotal)], [rwa]), null);
  const returnFunds = async (amount: bigint) =>
    vm.error([await nfat.beacon.returnFunds({ beacon: beacon.publicKey, facility: f, book: bookAt, amount })], [beacon]);
  assert.equal(await returnFunds(owedTotal), null);
  assert.equal(vm.balance(f.redeemVault), owedTotal);
  assert.equal(vm.balance(custody), CUSTODY_FUNDING);
  assert.equal(big(book(bookAt).returned), owedTotal);
  assert.equal(big(state().deals.redeemLiability), owedTotal);

  // the view before the funding: everything overdue, the penalty accruing at 5 bps a day
  dl = deal(d)!;
  const before = dealStanding(dl, BUYBOX.latePenaltyBpsPerDay, now);
  assert.equal(before.daysOverdue, 3n);
  assert.equal(before.penaltyAccruing, latePenalty(owedTotal, 3n, BUYBOX.latePenaltyBpsPerDay));
  assert.equal(before.penaltyAccruing, (owedTotal * 15n) / 10_000n);
  const raw = vm.view(await nfat.views.dealView({ facility: f, deal: d }));
  assert.equal(raw.length, DEAL_VIEW_SIZE);
  assert.equal(raw[DEAL_VIEW_SIZE - 1], 0, "not defaultable: the trailing byte is zero");
  const v = decodeDealView(raw);
  assert.deepEqual(plain(decodeDealView(trimmed(raw))), plain(v), "a trimmed answer decodes the same");
  assert.ok(trimmed(raw).length < raw.length);
  assert.deepEqual(v.status, { active: {} });
  assert.equal(big(v.principalOutstanding), 25n * MILLION);
  assert.deepEqual(amountsOfAccount(v.redeemable), before.redeemable);
  assert.deepEqual(amountsOfAccount(v.unfunded), before.unfunded);
  assert.deepEqual(amountsOfAccount(v.overdue), before.overdue);
  assert.deepEqual(before.overdue, { principal: 25n * MILLION, interest: 1_250_000n * UNIT, penalty: 0n });
  assert.equal(big(v.penaltyAccruing), before.penaltyAccruing);
  assert.equal(big(v.daysOverdue), before.daysOverdue);
  assert.equal(v.paidThrough, 0);
  assert.equal(v.payments, 1);
  assert.equal(big(v.maturityTs), maturityTs(t));
  assert.equal(v.defaultable, false);

  // the beacon funds what is due: the ledger nfat-quote.ts predicts, the penalty recorded
  const fund = async (add: Amounts, signer = beacon) =>
    vm.error([await nfat.beacon.fund({ beacon: signer.publicKey, facility: f, deal: d, add })], [signer]);
  const add = { principal: owed.principal, interest: owed.interest, penalty: 0n };
  // one unit more than the book brought back is refused before the deal's ledger is read
  assert.equal(await fund({ ...add, interest: add.interest + 1n }), "InsufficientReturned");
  const predicted = fundLedger(ledgerOf(deal(d)!.ledger), t, now, add, BUYBOX.latePenaltyBpsPerDay);
  assert.equal(predicted.funding.newlyCovered, 1);
  assert.equal(predicted.funding.daysLate, 3);
  assert.equal(predicted.funding.penaltyRecorded, before.penaltyAccruing);
  assert.equal(await fund(add), null);
  dl = deal(d)!;
  assert.deepEqual(ledgerOf(dl.ledger), predicted.ledger);
  assert.equal(big(dl.ledger.penaltyOwed), before.penaltyAccruing);
  assert.equal(big(book(bookAt).allocated), owedTotal);
  // nothing left in the book to fund the penalty with: a guarantor pays it directly
  const penalty = predicted.funding.penaltyRecorded;
  assert.equal(await fund({ principal: 0n, interest: 0n, penalty }), "InsufficientReturned");
  const guarantor = env.wallet(penalty + 1n);
  const pay = async (amount: bigint) =>
    vm.error(
      [await nfat.anyone.pay({ payer: guarantor.key.publicKey, facility: f, deal: d, payerToken: guarantor.token, add: { principal: 0n, interest: 0n, penalty: amount } })],
      [guarantor.key],
    );
  assert.equal(await pay(penalty + 1n), "PenaltyOverfunded");
  const paid = fundLedger(ledgerOf(deal(d)!.ledger), t, now, { principal: 0n, interest: 0n, penalty }, BUYBOX.latePenaltyBpsPerDay);
  assert.equal(await pay(penalty), null);
  assert.deepEqual(ledgerOf(deal(d)!.ledger), paid.ledger);
  assert.equal(vm.balance(guarantor.token), 1n);
  assert.equal(vm.balance(f.redeemVault), owedTotal + penalty);
  const after = decodeDealView(vm.view(await nfat.views.dealView({ facility: f, deal: d })));
  const standing = dealStanding(deal(d)!, BUYBOX.latePenaltyBpsPerDay, now);
  assert.deepEqual(amountsOfAccount(after.redeemable), standing.redeemable);
  assert.deepEqual(standing.redeemable, { principal: 25n * MILLION, interest: 1_250_000n * UNIT, penalty });
  assert.deepEqual(amountsOfAccount(after.overdue), { principal: 0n, interest: 0n, penalty: 0n });
  assert.equal(after.paidThrough, 1);

  // the Prime sells the NFT by a plain wallet transfer (allow-list off): the hook lets it
  // through and the deal owes the same
  assert.equal(state().allowList, false);
  const buyer = env.wallet(0n);
  const owes = Buffer.from(vm.data(d.deal)).toString("hex");
  const moved = env.transferTo(p.key, d, buyer.key.publicKey);
  assert.equal(moved.code, null, moved.logs.join("\n"));
  assert.ok(moved.logs.some((l) => l.includes(NFAT_HOOK_PROGRAM_ID.toBase58())), "Token-2022 called the hook");
  assert.equal(vm.balance(nftAccount(buyer.key.publicKey, d.nftMint)), 1n);
  assert.equal(vm.balance(nftAccount(p.key.publicKey, d.nftMint)), 0n);
  assert.equal(Buffer.from(vm.data(d.deal)).toString("hex"), owes, "a transfer changes nothing the deal owes");

  // the seller's empty account proves nothing; the buyer redeems in two parts
  const redeem = async (holder: Wallet, max?: bigint) =>
    vm.error([await nfat.holder.redeem({ holder: holder.key.publicKey, facility: f, deal: d, holderToken: holder.token, max })], [holder.key]);
  assert.equal(await redeem(p), "NotNftHolder");
  const part = 1_000_000n * UNIT;
  const first = quoteRedeem(deal(d)!, part);
  assert.equal(first.final, false);
  assert.equal(first.total, part);
  assert.deepEqual(first.paid, { principal: 0n, interest: part - penalty, penalty }, "penalty first, then interest");
  const expected = redeemLedger(ledgerOf(deal(d)!.ledger), part).ledger;
  assert.equal(await redeem(buyer, part), null);
  assert.equal(vm.balance(buyer.token), first.total);
  assert.deepEqual(ledgerOf(deal(d)!.ledger), expected);
  const rest = quoteRedeem(deal(d)!);
  assert.equal(rest.final, true, "the last redemption burns the NFT");
  assert.equal(rest.total, owedTotal + penalty - part);
  const buyerLamports = vm.svm.getBalance(address(buyer.key.publicKey.toBase58()))!;
  assert.equal(await redeem(buyer), null);
  assert.equal(vm.balance(buyer.token), owedTotal + penalty);
  assert.equal(vm.balance(f.redeemVault), 0n);
  assert.equal(deal(d), null, "the deal is closed");
  assert.equal(vm.exists(d.nftMint), false, "the mint is closed");
  assert.equal(vm.exists(nftAccount(buyer.key.publicKey, d.nftMint)), false, "the holder's NFT account is closed");
  assert.ok(vm.svm.getBalance(address(buyer.key.publicKey.toBase58()))! > buyerLamports, "their rent went to the holder");
  s = state();
  assert.deepEqual(
    [big(s.deals.open), big(s.deals.principalOutstanding), big(s.deals.redeemLiability)],
    [0n, 0n, 0n],
  );
});

test("with the allow-list on only listed owners receive the NFT; refusals leave the state unchanged", async () => {
  const env = await setup();
  const { vm, nfat, f, governance, beacon, state, queueDeposit, book, deal } = env;
  const g = governance.publicKey;
  const p = await env.prime(25n * MILLION);
  assert.equal(await env.deposit(p, 25n * MILLION), null);
  const bookAt = await env.createBook();
  const d = env.nextDeal(bookAt);

  // a strike outside the buybox (15.01 % APY) is refused, and changes nothing
  const watch = [f.facility, bookAt, d.deal, d.nftMint, f.queueVault, pda.nfatDeposit(f.facility, p.key.publicKey)[0], nftAccount(p.key.publicKey, d.nftMint)];
  let fp = vm.fingerprint(watch);
  const tooRich = await env.strike(p, d, { ...env.bullet(), apyBps: 1_501 });
  assert.equal(errorFromCode(tooRich.code!)?.name, "ApyAboveBuybox");
  assert.equal(explainError(undefined, tooRich.logs), "ApyAboveBuybox: Terms: the APY is higher than the buybox allows");
  assert.deepEqual(vm.fingerprint(watch), fp);
  // a strike larger than the Prime's queue is refused too
  const tooBig = await env.strike(p, d, { ...env.bullet(), principal: 25n * MILLION + 1n });
  assert.equal(errorFromCode(tooBig.code!)?.name, "InsufficientQueue");
  assert.deepEqual(vm.fingerprint(watch), fp);
  assert.equal(vm.exists(d.deal), false);

  const struck = await env.strike(p, d, env.bullet());
  assert.equal(struck.code, null, struck.logs.join("\n"));
  assertDelivered(env, d, p.key.publicKey);
  assert.equal(big(queueDeposit(p).shares), 0n);

  // a second delivery is refused and mints nothing
  fp = vm.fingerprint(watch);
  const again = vm.sent([await nfat.anyone.deliverNft({ facility: f, deal: d, depositor: p.key.publicKey })]);
  assert.equal(again.code, 6472);
  assert.equal(explainError(undefined, again.logs), "NftAlreadyDelivered: The deal's NFT was already delivered");
  assert.deepEqual(vm.fingerprint(watch), fp);
  assert.equal(vm.mint(d.nftMint).supply, 1n);

  // governance turns the allow-list on (the beacon may not) and lists one owner
  assert.equal(vm.error([await nfat.governance.setAllowList({ governance: beacon.publicKey, facility: f, on: true })], [beacon]), "NotGovernance");
  assert.equal(vm.error([await nfat.governance.setAllowList({ governance: g, facility: f, on: true })], [governance]), null);
  assert.equal(state().allowList, true);
  const listed = env.wallet(0n);
  const unlisted = env.wallet(0n);
  const listHolder = async (owner: PublicKey) => vm.error([await nfat.governance.listHolder({ governance: g, facility: f, owner })], [governance]);
  assert.equal(await listHolder(listed.key.publicKey), null);
  assert.equal(await listHolder(listed.key.publicKey), "HolderAlreadyListed");
  const entry = decodeNfatAccount<{ facility: PublicKey; owner: PublicKey }>("holderEntry", vm.data(pda.nfatHolder(f.facility, listed.key.publicKey)[0]));
  assert.equal(entry.owner.toBase58(), listed.key.publicKey.toBase58());
  assert.equal(entry.facility.toBase58(), f.facility.toBase58());

  // to the unlisted owner: the hook refuses (ReceiverNotAllowListed, 6505), the NFT stays
  const held = [nftAccount(p.key.publicKey, d.nftMint), d.deal, d.nftMint];
  fp = vm.fingerprint(held);
  const refused = env.transferTo(p.key, d, unlisted.key.publicKey);
  assert.equal(refused.code, 6505);
  assert.equal(errorFromCode(6505)?.name, "ReceiverNotAllowListed");
  assert.equal(explainError(undefined, refused.logs), "ReceiverNotAllowListed: The facility's allow-list is on and the receiver is not on it");
  assert.equal(
    explainError(new Error(`custom program error: 0x${refused.code.toString(16)}`)),
    "ReceiverNotAllowListed: The facility's allow-list is on and the receiver is not on it",
  );
  assert.deepEqual(vm.fingerprint(held), fp);
  assert.equal(vm.exists(nftAccount(unlisted.key.publicKey, d.nftMint)), false, "the whole transaction rolled back");
  assert.equal(vm.balance(nftAccount(p.key.publicKey, d.nftMint)), 1n);

  // to the listed owner: through
  const ok = env.transferTo(p.key, d, listed.key.publicKey);
  assert.equal(ok.code, null, ok.logs.join("\n"));
  assert.equal(vm.balance(nftAccount(listed.key.publicKey, d.nftMint)), 1n);
  assert.equal(vm.balance(nftAccount(p.key.publicKey, d.nftMint)), 0n);
  // and back to the (unlisted) Prime: refused while the list is on, through once it is off
  assert.equal(env.transferTo(listed.key, d, p.key.publicKey).code, 6505);
  assert.equal(vm.error([await nfat.governance.setAllowList({ governance: g, facility: f, on: false })], [governance]), null);
  assert.equal(env.transferTo(listed.key, d, unlisted.key.publicKey).code, null);
  assert.equal(vm.balance(nftAccount(unlisted.key.publicKey, d.nftMint)), 1n);
  assert.equal(vm.balance(nftAccount(listed.key.publicKey, d.nftMint)), 0n);
  assert.equal(vm.mint(d.nftMint).supply, 1n);
  assert.deepEqual(deal(d)!.status, { active: {} });
  assert.deepEqual(book(bookAt).status, { filling: {} });
});

test("amortizing and periodic-interest deals are funded on their schedules as nfat-quote.ts predicts; an unpaid deal defaults and is written off; the other roles' instructions", async () => {
  const env = await setup();
  const { vm, nfat, f, governance, beacon, attestor, warden, state, book, deal } = env;
  const g2 = Keypair.generate();
  const warden2 = Keypair.generate();
  for (const k of [g2, warden2]) vm.fund(k.publicKey);

  // governance rotates in two steps; the old key loses the role
  assert.equal(vm.error([await nfat.governance.proposeGovernance({ governance: governance.publicKey, facility: f, newGovernance: g2.publicKey })], [governance]), null);
  assert.equal(vm.error([await nfat.governance.acceptGovernance({ newGovernance: warden.publicKey, facility: f })], [warden]), "NotPendingGovernance");
  assert.equal(vm.error([await nfat.governance.acceptGovernance({ newGovernance: g2.publicKey, facility: f })], [g2]), null);
  assert.equal(state().governance.toBase58(), g2.publicKey.toBase58());
  const g = g2.publicKey;
  assert.equal(vm.error([await nfat.governance.setAllowList({ governance: governance.publicKey, facility: f, on: true })], [governance]), "NotGovernance");
  // a new late rate (7 bps a day) and a new warden
  assert.equal(vm.error([await nfat.governance.setBuybox({ governance: g, facility: f, buybox: { ...BUYBOX, latePenaltyBpsPerDay: 7 } })], [g2]), null);
  assert.equal(vm.error([await nfat.governance.setBuybox({ governance: g, facility: f, buybox: { ...BUYBOX, minApyBps: 1_600 } })], [g2]), "BadBuyboxApy");
  const bps = state().buybox.latePenaltyBpsPerDay;
  assert.equal(bps, 7);
  assert.equal(
    vm.error([await nfat.governance.setRoles({ governance: g, facility: f, roles: { beacon: beacon.publicKey, attestor: attestor.publicKey, warden: warden2.publicKey } })], [g2]),
    null,
  );
  const halt = async (signer: Keypair, halted: boolean) => vm.error([await nfat.warden.setHalted({ signer: signer.publicKey, facility: f, halted })], [signer]);
  assert.equal(await halt(warden, true), "NotWarden");

  // a Prime revoked keeps its queue withdrawable; the listed holder delisted loses its entry
  const other = await env.prime(2n * MILLION, g2);
  assert.equal(await env.deposit(other, MILLION), null);
  assert.equal(vm.error([await nfat.governance.revokePrime({ governance: g, facility: f, prime: other.key.publicKey })], [g2]), null);
  assert.equal(await env.deposit(other, MILLION), "PrimeNotApproved");
  assert.equal(await env.withdraw(other, MILLION), null);
  assert.equal(vm.balance(other.token), 2n * MILLION);
  const entry = pda.nfatHolder(f.facility, other.key.publicKey)[0];
  assert.equal(vm.error([await nfat.governance.listHolder({ governance: g, facility: f, owner: other.key.publicKey })], [g2]), null);
  assert.ok(vm.exists(entry));
  assert.equal(vm.error([await nfat.governance.delistHolder({ governance: g, facility: f, owner: other.key.publicKey })], [g2]), null);
  assert.equal(vm.exists(entry), false);

  // three deals in one book: amortizing from the 31st (its dates clamp to month ends),
  // periodic interest that started ten days ago, and a bullet that will go unpaid
  const p = await env.prime(80n * MILLION, g2);
  assert.equal(await env.deposit(p, 80n * MILLION), null);
  const bookAt = await env.createBook();
  const now = vm.now();
  const amortizing: DealTerms = { principal: 40n * MILLION, apyBps: 1_000, startTs: now + 2n * DAY, tenorMonths: 12, payments: 4, schedule: "amortizing" };
  const periodic: DealTerms = { principal: 30n * MILLION, apyBps: 1_200, startTs: now - 10n * DAY, tenorMonths: 6, payments: 3, schedule: "periodicInterest" };
  const unpaid: DealTerms = { principal: 10n * MILLION, apyBps: 800, startTs: now, tenorMonths: 6, payments: 1, schedule: "bullet" };
  assert.equal(await halt(warden2, true), null);
  const halted = await env.strike(p, env.nextDeal(bookAt), amortizing);
  assert.equal(errorFromCode(halted.code!)?.name, "Halted");
  assert.equal(await halt(warden2, false), "OnlyGovernanceLiftsHalt");
  assert.equal(vm.error([await nfat.warden.setHalted({ signer: g, facility: f, halted: false })], [g2]), null);
  const deals: [DealRef, DealTerms][] = [];
  for (const terms of [amortizing, periodic, unpaid]) {
    const d = env.nextDeal(bookAt);
    const r = await env.strike(p, d, terms);
    assert.equal(r.code, null, r.logs.join("\n"));
    assertDelivered(env, d, p.key.publicKey);
    const dl = deal(d)!;
    const t = termsOf(terms);
    assert.deepEqual(ledgerOf(dl.ledger), newLedger(t), `${terms.schedule}: the ledger at the strike`);
    assert.equal(big(dl.maturityTs), maturityTs(t));
    assert.equal(Buffer.from(dl.termsHash).toString("hex"), termsHash(f.facility, d.dealId, terms).toString("hex"));
    deals.push([d, terms]);
  }
  const [[dA, tA], [dB, tB], [dC, tC]] = deals.map(([d, terms]) => [d, termsOf(terms)] as const);
  // the amortizing dates: Apr 30, Jul 31, Oct 31, Jan 31; 1M of interest each quarter
  assert.deepEqual(
    schedule(tA).map((x) => [new Date(Number(x.dueTs) * 1000).toISOString().slice(0, 10), x.principal, x.interest]),
    [
      ["2027-04-30", 10n * MILLION, 1_000_000n * UNIT],
      ["2027-07-31", 10n * MILLION, 1_000_000n * UNIT],
      ["2027-10-31", 10n * MILLION, 1_000_000n * UNIT],
      ["2028-01-31", 10n * MILLION, 1_000_000n * UNIT],
    ],
  );
  assert.deepEqual(totalDue(tB), { principal: 30n * MILLION, interest: 1_800_000n * UNIT });
  assert.equal(big(book(bookAt).principal), 80n * MILLION);

  // the book goes Deploying then Unwinding without deploying; its capital is released
  assert.equal(vm.error([await nfat.warden.attest({ attestor: attestor.publicKey, facility: f, book: bookAt, kind: "preDeployment", hash: new Uint8Array(32).fill(7) })], [attestor]), null);
  const move = async (to: "deploying" | "unwinding") => vm.error([await nfat.beacon.moveBook({ beacon: beacon.publicKey, facility: f, book: bookAt, to })], [beacon]);
  const release = async (amount: bigint) => vm.error([await nfat.beacon.release({ beacon: beacon.publicKey, facility: f, book: bookAt, amount })], [beacon]);
  assert.equal(await move("deploying"), null);
  assert.equal(await release(80n * MILLION), "BookNotReturning");
  assert.equal(await move("unwinding"), null);
  assert.equal(await release(80n * MILLION + 1n), "InsufficientBookCapital");
  assert.equal(await release(80n * MILLION), null);
  assert.equal(vm.balance(f.redeemVault), 80n * MILLION);
  assert.equal(vm.balance(nfatBookVaultOf(f, 0)), 0n);
  assert.equal(big(book(bookAt).released), 80n * MILLION);

  // every payment of A on its date, every payment of B a second late (a whole day's
  // penalty, paid by the borrower); the holder redeems after each
  const borrower = env.wallet(MILLION);
  const events: { ts: bigint; d: DealRef; t: typeof tA; i: number }[] = [];
  for (let i = 0; i < tA.payments; i++) events.push({ ts: payment(tA, i).dueTs, d: dA, t: tA, i });
  for (let i = 0; i < tB.payments; i++) events.push({ ts: payment(tB, i).dueTs + 1n, d: dB, t: tB, i });
  events.sort((x, y) => (x.ts < y.ts ? -1 : 1));
  let received = 0n;
  for (const { ts, d, t, i } of events) {
    vm.setTime(ts);
    const due = payment(t, i);
    const before = deal(d)!;
    const standing = dealStanding(before, bps, ts);
    const view = decodeDealView(vm.view(await nfat.views.dealView({ facility: f, deal: d })));
    assert.deepEqual(amountsOfAccount(view.overdue), standing.overdue, `${t.schedule} ${i}: overdue`);
    assert.deepEqual(standing.overdue, { principal: due.principal, interest: due.interest, penalty: 0n });
    assert.equal(big(view.penaltyAccruing), standing.penaltyAccruing);
    assert.equal(big(view.daysOverdue), standing.daysOverdue);
    assert.equal(standing.daysOverdue, d === dB ? 1n : 0n);
    const add = { principal: due.principal, interest: due.interest, penalty: 0n };
    const predicted = fundLedger(ledgerOf(before.ledger), t, ts, add, bps);
    assert.equal(predicted.funding.newlyCovered, 1);
    assert.equal(predicted.funding.penaltyRecorded, standing.penaltyAccruing);
    assert.equal(vm.error([await nfat.beacon.fund({ beacon: beacon.publicKey, facility: f, deal: d, add })], [beacon]), null);
    assert.deepEqual(ledgerOf(deal(d)!.ledger), predicted.ledger, `${t.schedule} ${i}: the ledger after the funding`);
    const penalty = predicted.funding.penaltyRecorded;
    if (penalty > 0n) {
      assert.equal(penalty, latePenalty(due.principal + due.interest, 1n, bps));
      const pay = await nfat.anyone.pay({ payer: borrower.key.publicKey, facility: f, deal: d, payerToken: borrower.token, add: { principal: 0n, interest: 0n, penalty } });
      assert.equal(vm.error([pay], [borrower.key]), null);
    }
    const q = quoteRedeem(deal(d)!);
    assert.equal(q.total, due.principal + due.interest + penalty);
    assert.equal(q.final, i === t.payments - 1, `${t.schedule} ${i}: final`);
    assert.equal(vm.error([await nfat.holder.redeem({ holder: p.key.publicKey, facility: f, deal: d, holderToken: p.token })], [p.key]), null);
    received += q.total;
    assert.equal(vm.balance(p.token), received);
    if (q.final) {
      assert.equal(deal(d), null);
      assert.equal(vm.exists(d.nftMint), false);
    } else assert.equal(big(deal(d)!.ledger.principalOutstanding), t.principal - ledgerOf(deal(d)!.ledger).claimed.principal);
  }
  // A's principal and interest, B's, and the penalties the borrower paid
  assert.equal(received, 44n * MILLION + 31_800_000n * UNIT + (MILLION - vm.balance(borrower.token)));

  // C was never paid: defaultable past maturity plus the grace period, then written off;
  // its holder burns the NFT for nothing
  const graceEnd = maturityTs(tC) + big(state().buybox.gracePeriodS);
  assert.ok(vm.now() > graceEnd);
  const raw = vm.view(await nfat.views.dealView({ facility: f, deal: dC }));
  assert.equal(raw[DEAL_VIEW_SIZE - 1], 1, "defaultable: the last byte is set, nothing to trim");
  const v = decodeDealView(trimmed(raw));
  assert.equal(v.defaultable, true);
  assert.deepEqual(amountsOfAccount(v.unfunded), { principal: tC.principal, interest: newLedger(tC).totalInterest, penalty: 0n });
  const markDefault = async (signer: Keypair) => vm.error([await nfat.warden.markDefault({ signer: signer.publicKey, facility: f, deal: dC })], [signer]);
  assert.equal(await markDefault(beacon), "NotWarden");
  assert.equal(vm.error([await nfat.governance.writeOff({ governance: g, facility: f, deal: dC })], [g2]), "DealNotDefaulted");
  assert.equal(await markDefault(warden2), null);
  assert.deepEqual(deal(dC)!.status, { defaulted: {} });
  assert.equal(big(state().deals.defaulted), 1n);
  assert.equal(vm.error([await nfat.governance.writeOff({ governance: g, facility: f, deal: dC })], [g2]), null);
  const written = deal(dC)!;
  assert.deepEqual(written.status, { writtenOff: {} });
  const last = quoteRedeem(written);
  assert.deepEqual(last, { paid: { principal: 0n, interest: 0n, penalty: 0n }, total: 0n, final: true });
  assert.equal(vm.error([await nfat.holder.redeem({ holder: p.key.publicKey, facility: f, deal: dC, holderToken: p.token })], [p.key]), null);
  assert.equal(deal(dC), null);
  assert.equal(vm.exists(dC.nftMint), false);
  assert.equal(big(state().deals.open), 0n);
});

// The trading client against the real programs (target/sbf/halo_{pau,oracle,trading}.so,
// from scripts/build-sbf) in LiteSVM's node package: a class funded by a PAU controller,
// a pool priced by a halo feed, an LP deposit, and swaps on both sides whose fills are
// exactly what the TS quote port (src/amm.ts) predicts from the decoded pool; then RFQ
// quotes signed in TS by the class's beacon for the class's cluster domain, filled once (a
// replay, a tampered quote and a quote for another cluster refused); and the two-step
// rotation of the class's governance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Keypair, PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { address, lamports } from "@solana/kit";
import { LiteSVM } from "litesvm";
import { PauClient } from "../src/pau.ts";
import { pda } from "../src/pda.ts";
import { OracleClient } from "../src/oracle.ts";
import {
  type PoolParams,
  poolRef,
  type RfqQuote,
  TradingClient,
} from "../src/trading.ts";
import { decodeQuoteReceipt, decodeTradingAccount } from "../src/accounts.ts";
import { errorFromCode } from "../src/errors.ts";
import { ORACLE_PROGRAM_ID, PAU_PROGRAM_ID, TRADING_PROGRAM_ID } from "../src/program.ts";
import { TOKEN_PROGRAM_ID } from "../src/pda.ts";
import { feedPriceWad, limitWithSlippage, Market, type Mode, quoteSwap, type Side, withinBound } from "../src/amm.ts";
import { createMint, Vm } from "./svm.ts";

const UNIT = 1_000_000n;
const U64_MAX = (1n << 64n) - 1n;

// ---- SPL Token instructions (InitializeMint2, InitializeAccount3, MintTo) ---------------

function createTokenAccount(vm: Vm, account: Keypair, mint: PublicKey, owner: PublicKey, amount: bigint) {
  const payer = vm.payer.publicKey;
  const mintTo = Buffer.alloc(9);
  mintTo[0] = 7;
  mintTo.writeBigUInt64LE(amount, 1);
  return [
    SystemProgram.createAccount({
      fromPubkey: payer,
      newAccountPubkey: account.publicKey,
      lamports: vm.rent(165),
      space: 165,
      programId: TOKEN_PROGRAM_ID,
    }),
    new TransactionInstruction({
      programId: TOKEN_PROGRAM_ID,
      keys: [
        { pubkey: account.publicKey, isSigner: false, isWritable: true },
        { pubkey: mint, isSigner: false, isWritable: false },
      ],
      data: Buffer.concat([Buffer.from([18]), owner.toBuffer()]),
    }),
    new TransactionInstruction({
      programId: TOKEN_PROGRAM_ID,
      keys: [
        { pubkey: mint, isSigner: false, isWritable: true },
        { pubkey: account.publicKey, isSigner: false, isWritable: true },
        { pubkey: payer, isSigner: true, isWritable: false },
      ],
      data: mintTo,
    }),
  ];
}

const params = (redemptionAccount: PublicKey): PoolParams => ({
  bidSpreadBps: 5,
  askSpreadBps: 7,
  skewStartBps: 5_000,
  skewMaxBps: 20,
  maxStalenessS: 93_600,
  // a daily NAV: swaps take the same staleness, and a changed NAV after a minute
  swapMaxStalenessS: 93_600,
  minPriceIntervalS: 60,
  maxDeviationBps: 200,
  maxConfidenceBps: 50,
  positionLimit: 50_000_000n * UNIT,
  minTrade: UNIT,
  maxTrade: 10_000_000n * UNIT,
  bidLimit: { maxAmount: U64_MAX, slope: 0 },
  askLimit: { maxAmount: U64_MAX, slope: 0 },
  redeemLimit: { maxAmount: U64_MAX, slope: 0 },
  redemptionAccount,
  settlementPeriodS: 86_400,
  rfqEnabled: true,
  rfqMinSpreadBps: 2,
});

/**
 * A class funded by a PAU controller with a known beacon, a pool priced by a halo feed at
 * NAV 1.0025 (6 decimals), an LP's 1M USDS deposit, and a user holding 200,000 of the asset.
 */
async function setup() {
  const vm = new Vm([
    [PAU_PROGRAM_ID, "halo_pau"],
    [ORACLE_PROGRAM_ID, "halo_oracle"],
    [TRADING_PROGRAM_ID, "halo_trading"],
  ]);
  const gov = vm.payer.publicKey;
  const pau = new PauClient();
  const oracle = new OracleClient();
  const trading = new TradingClient();

  // the funding PAU's controller, and a NAV of 1.0025 with 6 decimals
  assert.equal(
    vm.send([
      await pau.governance.initializeConfigurator({
        payer: gov,
        upgradeAuthority: gov,
        admin: gov,
        timelockDelayS: 14n * 86_400n,
        sorlHopS: 64_800,
        sorlMaxChangeBps: 2_500,
      }),
      await pau.governance.initializeController({ admin: gov, pauId: 1 }),
      await oracle.governance.createFeed({ authority: gov, feedId: 1, decimals: 6, maxMoveBps: 100, initialValue: 1_002_500 }),
    ]),
    null,
  );
  const controller = pda.controller(pau.configurator, 1)[0];
  const feed = pda.feed(gov, 1)[0];

  const [assetMint, quoteMint] = [Keypair.generate(), Keypair.generate()];
  assert.equal(vm.send([...createMint(vm, assetMint, 6), ...createMint(vm, quoteMint, 6)], [assetMint, quoteMint]), null);

  const klass = pda.class(gov, 1)[0];
  const beacon = Keypair.generate();
  // the class's RFQ cluster domain (a real deployment sets the cluster's genesis hash)
  const cluster = Buffer.alloc(32, 0x47);
  const p = poolRef({ class: klass, unitId: 1, bookId: 1, assetMint: assetMint.publicKey, quoteMint: quoteMint.publicKey, priceAccount: feed });
  assert.equal(
    vm.send([
      await trading.governance.createClass({
        authority: gov,
        quoteMint: quoteMint.publicKey,
        pauController: controller,
        classId: 1,
        beacon: beacon.publicKey,
        freezer: Keypair.generate().publicKey,
      }),
      await trading.governance.createPool({
        governance: gov,
        pool: p,
        unitId: 1,
        bookId: 1,
        priceSource: { kind: "haloFeed", feed },
        params: params(Keypair.generate().publicKey),
      }),
      await trading.governance.setRfqDomain({ governance: gov, class: klass, domain: cluster }),
    ]),
    null,
  );

  // an LP deposits 1M USDS; a user holds 200,000 of the asset
  const [lp, lpQuote, user, userAsset, userQuote] = Array.from({ length: 5 }, () => Keypair.generate());
  assert.equal(
    vm.send(
      [
        ...createTokenAccount(vm, lpQuote, quoteMint.publicKey, lp.publicKey, 1_000_000n * UNIT),
        ...createTokenAccount(vm, userAsset, assetMint.publicKey, user.publicKey, 200_000n * UNIT),
        ...createTokenAccount(vm, userQuote, quoteMint.publicKey, user.publicKey, 0n),
      ],
      [lpQuote, userAsset, userQuote],
    ),
    null,
  );
  assert.equal(
    vm.send(
      [
        await trading.lp.openPosition({ payer: gov, pool: p, owner: lp.publicKey }),
        await trading.lp.deposit({ owner: lp.publicKey, pool: p, ownerQuote: lpQuote.publicKey, amount: 1_000_000n * UNIT, minShares: 1 }),
      ],
      [lp],
    ),
    null,
  );
  return { vm, trading, beacon, cluster, p, user, userAsset, userQuote, price: feedPriceWad(1_002_500, 6)! };
}

test("a pool priced by a halo feed fills swaps exactly as the TS quote predicts", async () => {
  const { vm, trading, p, user, userAsset, userQuote, price } = await setup();
  const expiry = vm.now() + 60n;
  const swap = (side: Side, mode: Mode, amount: bigint, limit: bigint) =>
    trading.user.swap({ user: user.publicKey, pool: p, userAsset: userAsset.publicKey, userQuote: userQuote.publicKey, side, mode, amount, limit, expiry });

  // sell 100,000.000001 of the asset, exact in: the quote's output is the minimum that passes
  let pool = decodeTradingAccount(trading.program, "pool", vm.data(p.pool));
  const sell = quoteSwap(pool, price, "sellAsset", "exactIn", 100_000_000_001n);
  assert.equal(sell.spreadBps, 5);
  const sellLimit = limitWithSlippage("sellAsset", "exactIn", sell, 0);
  assert.equal(sellLimit, sell.quoteAmount, "no slippage: the quoted output itself");
  assert.equal(withinBound("sellAsset", "exactIn", sell, sellLimit + 1n), false);
  const tooGreedy = vm.send([await swap("sellAsset", "exactIn", 100_000_000_001n, sellLimit + 1n)], [user]);
  assert.equal(errorFromCode(tooGreedy ?? 0)?.name, "SlippageExceeded");
  assert.equal(vm.send([await swap("sellAsset", "exactIn", 100_000_000_001n, sellLimit)], [user]), null);
  assert.equal(vm.balance(userQuote.publicKey), sell.quoteAmount);

  // buy back 3.333333 exact out: the quote's input is the maximum that passes
  pool = decodeTradingAccount(trading.program, "pool", vm.data(p.pool));
  assert.equal(pool.inventory.toString(), "100000000001");
  const buy = quoteSwap(pool, price, "buyAsset", "exactOut", 3_333_333n);
  assert.equal(buy.spreadBps, 7);
  const buyLimit = limitWithSlippage("buyAsset", "exactOut", buy, 0);
  assert.equal(buyLimit, buy.quoteAmount, "no slippage: the quoted input itself");
  assert.equal(withinBound("buyAsset", "exactOut", buy, buyLimit - 1n), false);
  const tooCheap = vm.send([await swap("buyAsset", "exactOut", 3_333_333n, buyLimit - 1n)], [user]);
  assert.equal(errorFromCode(tooCheap ?? 0)?.name, "SlippageExceeded");
  assert.equal(vm.send([await swap("buyAsset", "exactOut", 3_333_333n, buyLimit)], [user]), null);
  assert.equal(vm.balance(userQuote.publicKey), sell.quoteAmount - buy.quoteAmount);
  assert.equal(vm.balance(userAsset.publicKey), 200_000n * UNIT - 100_000_000_001n + 3_333_333n);

  // the pool booked the spread the quotes implied (mid rounded toward the user)
  pool = decodeTradingAccount(trading.program, "pool", vm.data(p.pool));
  assert.equal(pool.swaps.toString(), "2");
  assert.equal(
    pool.spreadEarned.toString(),
    (sell.midQuote - sell.quoteAmount + (buy.quoteAmount - buy.midQuote)).toString(),
  );
});

test("an RFQ quote signed in TS by the beacon fills once, tighter than the AMM; its replay is refused", async () => {
  const { vm, trading, beacon, cluster, p, user, userAsset, userQuote, price } = await setup();
  // the user pays the receipt's rent
  vm.svm.airdrop(address(user.publicKey.toBase58()), lamports(1_000_000_000n));
  const market = new Market(price, 6, 6);
  const rfqMin = params(PublicKey.default).rfqMinSpreadBps;
  const accounts = (quote: RfqQuote) => ({
    payer: user.publicKey,
    pool: p,
    userAsset: userAsset.publicKey,
    userQuote: userQuote.publicKey,
    quote,
    cluster,
  });
  const send = async (q: RfqQuote) => vm.send(await trading.user.signedQuote({ beacon, ...accounts(q) }), [user]);

  // the user sells 10,000: the AMM pays 5 bps under NAV, the quote the governance bound (2 bps)
  const amount = 10_000n * UNIT;
  const amm = quoteSwap(decodeTradingAccount(trading.program, "pool", vm.data(p.pool)), price, "sellAsset", "exactIn", amount);
  const bound = market.quote("sellAsset", "exactIn", amount, rfqMin);
  assert.ok(bound.quoteAmount > amm.quoteAmount);
  const q: RfqQuote = {
    pool: p.pool,
    user: user.publicKey,
    side: "sellAsset",
    assetAmount: amount,
    quoteAmount: bound.quoteAmount,
    expiry: vm.now() + 60n,
    nonce: 7n,
  };

  // a quote one base unit inside the bound, and a fill without the beacon's verification
  const tooGood = await trading.user.signedQuote({ beacon, ...accounts({ ...q, quoteAmount: bound.quoteAmount + 1n }) });
  const inside = vm.send(tooGood, [user]);
  assert.equal(errorFromCode(inside ?? 0)?.name, "QuoteOutsideBounds");
  const unsigned = vm.send([await trading.user.swapWithQuote(accounts(q))], [user]);
  assert.equal(errorFromCode(unsigned ?? 0)?.name, "QuoteSignatureMissing");
  // the beacon's signature over this quote covers no other (here one base unit less, in bounds)
  const [verify] = await trading.user.signedQuote({ beacon, ...accounts(q) });
  const other = await trading.user.swapWithQuote(accounts({ ...q, quoteAmount: bound.quoteAmount - 1n }));
  const tampered = vm.send([verify, other], [user]);
  assert.equal(errorFromCode(tampered ?? 0)?.name, "QuoteSignatureMissing");
  // a quote another key signed
  const stranger = vm.send(await trading.user.signedQuote({ beacon: Keypair.generate(), ...accounts(q) }), [user]);
  assert.equal(errorFromCode(stranger ?? 0)?.name, "QuoteSignatureMissing");
  // the beacon's quote signed for another cluster (a replay from devnet, say)
  const elsewhere = vm.send(await trading.user.signedQuote({ beacon, ...accounts(q), cluster: Buffer.alloc(32, 0x48) }), [user]);
  assert.equal(errorFromCode(elsewhere ?? 0)?.name, "QuoteSignatureMissing");
  assert.equal(vm.balance(userQuote.publicKey), 0n);

  // the fill: exactly the quoted amounts, and a receipt for the nonce
  assert.equal(await send(q), null);
  assert.equal(vm.balance(userQuote.publicKey), bound.quoteAmount);
  assert.equal(vm.balance(userAsset.publicKey), 200_000n * UNIT - amount);
  const receiptAddr = pda.quoteReceipt(p.pool, q.nonce)[0];
  const receipt = decodeQuoteReceipt(vm.data(receiptAddr));
  assert.equal(receipt.pool.toBase58(), p.pool.toBase58());
  assert.equal(receipt.user.toBase58(), user.publicKey.toBase58());
  assert.equal(receipt.nonce.toString(), "7");
  assert.equal(receipt.filledAt.toString(), vm.now().toString());
  const pool = decodeTradingAccount(trading.program, "pool", vm.data(p.pool));
  assert.equal(pool.swaps.toString(), "1");
  assert.equal(pool.inventory.toString(), amount.toString());
  assert.equal(pool.spreadEarned.toString(), (bound.midQuote - bound.quoteAmount).toString());

  // the same signed quote again (a fresh transaction): refused, nothing moves
  const replay = await send(q);
  assert.equal(errorFromCode(replay ?? 0)?.name, "QuoteAlreadyUsed");
  assert.equal(vm.balance(userQuote.publicKey), bound.quoteAmount);
  assert.equal(decodeTradingAccount(trading.program, "pool", vm.data(p.pool)).swaps.toString(), "1");
});

test("the class's governance rotates in two steps: only the proposed key accepts", async () => {
  const { vm, trading, p } = await setup();
  const gov = vm.payer;
  const [next, stranger] = [Keypair.generate(), Keypair.generate()];
  const klass = p.class;
  const c = () => decodeTradingAccount(trading.program, "tradingClass", vm.data(klass));
  // nothing proposed: nobody can accept
  const early = vm.send([await trading.governance.acceptClassGovernance({ newGovernance: next.publicKey, class: klass })], [next]);
  assert.equal(errorFromCode(early ?? 0)?.name, "NotPendingGovernance");
  // only governance proposes
  const byStranger = vm.send(
    [await trading.governance.proposeClassGovernance({ governance: stranger.publicKey, class: klass, newGovernance: stranger.publicKey })],
    [stranger],
  );
  assert.equal(errorFromCode(byStranger ?? 0)?.name, "NotGovernance");
  assert.equal(
    vm.send([await trading.governance.proposeClassGovernance({ governance: gov.publicKey, class: klass, newGovernance: next.publicKey })]),
    null,
  );
  assert.equal(c().pendingGovernance.toBase58(), next.publicKey.toBase58());
  assert.equal(c().governance.toBase58(), gov.publicKey.toBase58());
  // another key cannot take it
  const wrong = vm.send([await trading.governance.acceptClassGovernance({ newGovernance: stranger.publicKey, class: klass })], [stranger]);
  assert.equal(errorFromCode(wrong ?? 0)?.name, "NotPendingGovernance");
  assert.equal(vm.send([await trading.governance.acceptClassGovernance({ newGovernance: next.publicKey, class: klass })], [next]), null);
  assert.equal(c().governance.toBase58(), next.publicKey.toBase58());
  assert.equal(c().pendingGovernance.toBase58(), PublicKey.default.toBase58());
  // the old governance has lost the role; the new one sets the RFQ domain
  const old = vm.send([await trading.governance.setRfqDomain({ governance: gov.publicKey, class: klass, domain: Buffer.alloc(32, 1) })]);
  assert.equal(errorFromCode(old ?? 0)?.name, "NotGovernance");
  assert.equal(
    vm.send([await trading.governance.setRfqDomain({ governance: next.publicKey, class: klass, domain: Buffer.alloc(32, 1) })], [next]),
    null,
  );
  assert.deepEqual(Buffer.from(c().rfqDomain), Buffer.alloc(32, 1));
  // a zero domain is refused (it would leave RFQ unchecked)
  const zero = vm.send([await trading.governance.setRfqDomain({ governance: next.publicKey, class: klass, domain: Buffer.alloc(32) })], [next]);
  assert.equal(errorFromCode(zero ?? 0)?.name, "RfqDomainNotSet");
});

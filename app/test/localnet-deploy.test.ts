// migrations/deploy.ts for real, and a Prime's paths, over JSON-RPC against a local
// validator (halo-localnet: Surfpool with the SBF builds, the payer recorded as their upgrade
// authority). The script runs as an operator runs it, from a config file and keypair files:
// the schedule phase; an early execute phase, refused with the program's error read from the
// cluster's logs; the clock moved past the timelock (surfnet_timeTravel); the execute phase;
// a third run that sends nothing and says so. Then one smoke transaction through each
// mechanism it wired (the PAU funds the pool; a Prime subscribes to the LCTS unit and the
// beacon settles it through the PAU; a Prime queues capital in the NFAT facility), and a
// Prime's own paths through web3.js `Connection`: the 100K t-bill sale at 5 bps paying
// 99,950 USDS, an LP deposit and its withdrawal through the queue, an RFQ fill signed for
// this cluster's genesis hash, with events decoded from the confirmed transactions and
// readable errors from refused ones. And a program deployed through the upgradeable loader.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Keypair,
  type PublicKey,
  SendTransactionError,
  TransactionInstruction,
} from "@solana/web3.js";
import { type DeployConfig, type NfatFacilityConfig, programsToDeploy } from "../../migrations/deploy.ts";
import { deployProgram, programDataAddress, UPGRADEABLE_LOADER_ID, upgradeAuthorityOf, WRITE_CHUNK } from "../../migrations/programs.ts";
import { PauClient } from "../src/pau.ts";
import { ata, pda, TOKEN_2022_PROGRAM_ID } from "../src/pda.ts";
import { OracleClient } from "../src/oracle.ts";
import { fetchClusterDomain, pauLink, poolRef, type RfqQuote, TradingClient } from "../src/trading.ts";
import { LCTS_WAD, LctsClient, unitPau, unitRef } from "../src/lcts.ts";
import { facilityPau, facilityRef, NfatClient } from "../src/nfat.ts";
import { decodeTradingAccount } from "../src/accounts.ts";
import { explainError } from "../src/errors.ts";
import { NFAT_HOOK_PROGRAM_ID, PAU_PROGRAM_ID } from "../src/program.ts";
import { feedPriceWad, limitWithSlippage, Market, quoteSwap } from "../src/amm.ts";
import { createAta, createMint, mintTo, type Payer } from "./svm.ts";
import { airdrop, clusterTime, eventsOf, type Localnet, sendTx, startLocalnet, timeTravel } from "./localnet.ts";

const APP = fileURLToPath(new URL("..", import.meta.url));
const example: DeployConfig = JSON.parse(readFileSync(join(APP, "../migrations/config.example.json"), "utf8"));
const DELAY = 14n * 86_400n;
const UNIT = 1_000_000n;

const payer = Keypair.generate();
let net: Localnet;
let tmp: string;
let chain: Payer;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "halo-deploy-"));
  net = await startLocalnet(payer.publicKey);
  await airdrop(net.connection, payer.publicKey, 1_000);
  const mintRent = await net.connection.getMinimumBalanceForRentExemption(82);
  chain = { payer, rent: (space) => (space === 82 ? mintRent : assert.fail(`no rent read for ${space} bytes`)) };
});
after(() => {
  net?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const send = (ixs: TransactionInstruction[], signers: Keypair[] = []) => sendTx(net.connection, payer, ixs, signers);

/** The program error of a refused transaction, as the client reads it from the logs. */
async function refusal(ixs: TransactionInstruction[], signers: Keypair[] = []): Promise<string> {
  const e = await send(ixs, signers).then(
    () => assert.fail("the transaction was not refused"),
    (err: unknown) => err,
  );
  assert.ok(e instanceof SendTransactionError, String(e));
  return explainError(e, (await e.getLogs(net.connection)) ?? []) ?? String(e);
}

/** Waits for a blockhash newer than the current one. */
async function nextBlockhash() {
  const { blockhash } = await net.connection.getLatestBlockhash("confirmed");
  for (let i = 0; i < 100 && (await net.connection.getLatestBlockhash("confirmed")).blockhash === blockhash; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function balance(account: PublicKey): Promise<bigint> {
  return BigInt((await net.connection.getTokenAccountBalance(account, "confirmed")).value.amount);
}

function keyfile(kp: Keypair): string {
  const path = join(tmp, `${kp.publicKey.toBase58()}.json`);
  writeFileSync(path, JSON.stringify(Array.from(kp.secretKey)));
  return path;
}

/** `node migrations/deploy.ts --config <cfg> <args>`, as an operator runs it. */
function deploy(cfgPath: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "../migrations/deploy.ts", "--config", cfgPath, ...args], {
    cwd: APP,
    encoding: "utf8",
    timeout: 600_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test("deploy.ts bootstraps a cluster over JSON-RPC (refused before the timelock, idempotent after), and a Prime swaps, provides liquidity and fills an RFQ quote", async () => {
  const { connection } = net;
  const k = () => Keypair.generate();
  const [admin, oracleGov, tradingGov, govops, beacon, freezer, reporter] = [k(), k(), k(), k(), k(), k(), k()];
  const [lctsGov, lctsBeacon, lctsFreezer, strategy] = [k(), k(), k(), k()];
  const [nfatGov, nfatBeacon, nfatAttestor, nfatWarden, rwa, prime] = [k(), k(), k(), k(), k(), k()];
  for (const key of [admin, oracleGov, tradingGov, govops, beacon, lctsGov, lctsBeacon, nfatGov, nfatBeacon, prime]) await airdrop(net.connection, key.publicKey);

  // USDS and the t-bill token (the payer their mint authority), and the two endpoints the
  // routes pay (they exist beforehand)
  const [quoteMint, tbill] = [k(), k()];
  await send([...createMint(chain, quoteMint, 6), ...createMint(chain, tbill, 6)], [quoteMint, tbill]);
  const [lctsEndpoint, endpointIx] = createAta(chain, strategy.publicKey, quoteMint.publicKey);
  const [rwaEndpoint, rwaIx] = createAta(chain, rwa.publicKey, quoteMint.publicKey);
  await send([endpointIx, rwaIx]);

  const ex = example.trading!.classes[0];
  const exUnit = example.lcts!.classes[0];
  const exFacility = example.nfat!.facilities[0];
  const facilityCfg: NfatFacilityConfig = {
    ...exFacility,
    depositMint: quoteMint.publicKey.toBase58(),
    beacon: nfatBeacon.publicKey.toBase58(),
    attestor: nfatAttestor.publicKey.toBase58(),
    warden: nfatWarden.publicKey.toBase58(),
    deployEndpoint: rwaEndpoint.toBase58(),
    primes: [prime.publicKey.toBase58()],
    allowList: undefined,
  };
  const cfg: DeployConfig = {
    ...example,
    cluster: net.rpc,
    websocket: net.ws,
    payerKeypair: keyfile(payer),
    adminKeypair: keyfile(admin),
    configurator: { ...example.configurator, admin: admin.publicKey.toBase58(), timelockDelayS: Number(DELAY) },
    paus: [{ ...example.paus[0], govops: [govops.publicKey.toBase58()] }],
    oracle: {
      governance: oracleGov.publicKey.toBase58(),
      governanceKeypair: keyfile(oracleGov),
      feeds: [{ ...example.oracle!.feeds[0], reporters: [reporter.publicKey.toBase58()] }],
    },
    trading: {
      governance: tradingGov.publicKey.toBase58(),
      governanceKeypair: keyfile(tradingGov),
      govops: govops.publicKey.toBase58(),
      govopsKeypair: keyfile(govops),
      classes: [
        {
          ...ex,
          beacon: beacon.publicKey.toBase58(),
          freezer: freezer.publicKey.toBase58(),
          quoteMint: quoteMint.publicKey.toBase58(),
          pools: [{ ...ex.pools[0], assetMint: tbill.publicKey.toBase58() }],
        },
      ],
    },
    lcts: {
      governance: lctsGov.publicKey.toBase58(),
      governanceKeypair: keyfile(lctsGov),
      govops: govops.publicKey.toBase58(),
      govopsKeypair: keyfile(govops),
      classes: [
        {
          ...exUnit,
          usdsMint: quoteMint.publicKey.toBase58(),
          units: [
            {
              ...exUnit.units[0],
              beacon: lctsBeacon.publicKey.toBase58(),
              freezer: lctsFreezer.publicKey.toBase58(),
              deployEndpoint: lctsEndpoint.toBase58(),
            },
          ],
        },
      ],
    },
    nfat: {
      governance: nfatGov.publicKey.toBase58(),
      governanceKeypair: keyfile(nfatGov),
      govops: govops.publicKey.toBase58(),
      govopsKeypair: keyfile(govops),
      facilities: [facilityCfg],
    },
  };
  const cfgPath = join(tmp, "config.json");
  writeFileSync(cfgPath, JSON.stringify(cfg, null, 2));

  // the schedule phase, then an execute phase before the timelock: refused, with the
  // program's error read from the cluster's logs
  // (with --programs: the cluster already runs the SBF builds, the payer their upgrade
  // authority, so they are left alone and said so, no program keypair needed)
  const noKeypairs = mkdtempSync(join(tmp, "keypairs-"));
  const sbf = fileURLToPath(new URL("../../target/sbf", import.meta.url));
  const scheduled = deploy(cfgPath, "--phase", "schedule", "--programs", sbf, "--program-keypairs", noKeypairs);
  assert.equal(scheduled.status, 0, scheduled.err);
  for (const [name, id] of [
    ["halo_pau", PAU_PROGRAM_ID],
    ["halo_nfat_hook", NFAT_HOOK_PROGRAM_ID],
  ] as const) {
    assert.match(scheduled.out, new RegExp(`^skip deploy ${name}: ${id.toBase58()} already runs these bytes, the payer its upgrade authority$`, "m"));
  }
  assert.equal(scheduled.out.match(/^skip deploy /gm)?.length, 6);
  assert.match(scheduled.out, /^initialize_configurator.*: \w{64,88}$/m);
  const early = deploy(cfgPath, "--phase", "execute");
  assert.equal(early.status, 1, early.out);
  assert.match(early.err, /^execute: .* refused by http:\/\/127\.0\.0\.1:\d+: TimelockNotElapsed: /m);

  // past the timelock on the cluster's clock: the execute phase, then a run that sends nothing
  await timeTravel(net.rpc, (await clusterTime(connection)) + DELAY + 60n);
  const executed = deploy(cfgPath, "--phase", "execute");
  assert.equal(executed.status, 0, executed.err);
  assert.match(executed.out, /^execute: .*: \w{64,88}$/m);
  const again = deploy(cfgPath);
  assert.equal(again.status, 0, again.err);
  assert.match(again.out, /^nothing to send: everything the config describes is already on chain \(\d+ steps skipped\)$/m);
  assert.doesNotMatch(again.out, /: \w{64,88}$/m, "the third run sent nothing");

  // ---- the pool: NAV 1.00, the beacon funds it with 200,000 USDS from the PAU's custody
  const pau = new PauClient();
  const oracle = new OracleClient();
  const trading = new TradingClient();
  const controller = pda.controller(pau.configurator, 1)[0];
  const proxy = pda.proxy(controller)[0];
  const feed = pda.feed(oracleGov.publicKey, 1)[0];
  const klass = pda.class(tradingGov.publicKey, 1)[0];
  const ref = poolRef({ class: klass, unitId: 1, bookId: 1, assetMint: tbill.publicKey, quoteMint: quoteMint.publicKey, priceAccount: feed });
  const link = pauLink(controller, ref);
  const [custody, custodyIx] = createAta(chain, proxy, quoteMint.publicKey);
  assert.equal(custody.toBase58(), link.custody.toBase58());
  await send([custodyIx, mintTo(chain, quoteMint.publicKey, custody, 1_000_000n * UNIT)]);
  const published = await send(
    [await oracle.reporter.publish({ reporter: reporter.publicKey, feed, value: 1_000_000, publishTs: await clusterTime(connection) })],
    [reporter],
  );
  assert.deepEqual(await eventsOf(net.connection, oracle.program, published), ["navPublished"]);
  await send([await trading.operator.fundFromPau({ beacon: beacon.publicKey, pool: ref, link, amount: 200_000n * UNIT })], [beacon]);
  assert.equal(await balance(ref.quoteVault), 200_000n * UNIT);
  assert.equal(await balance(custody), 800_000n * UNIT);

  // ---- a Prime sells 100,000 t-bills at NAV 1.00 less 5 bps: 99,950 USDS
  const [primeAsset, assetIx] = createAta(chain, prime.publicKey, tbill.publicKey);
  const [primeQuote, quoteIx] = createAta(chain, prime.publicKey, quoteMint.publicKey);
  await send([assetIx, quoteIx, mintTo(chain, tbill.publicKey, primeAsset, 110_000n * UNIT)]);
  const pool = decodeTradingAccount(trading.program, "pool", (await connection.getAccountInfo(ref.pool, "confirmed"))!.data);
  const price = feedPriceWad(1_000_000n, 6)!;
  const sale = quoteSwap(pool, price, "sellAsset", "exactIn", 100_000n * UNIT);
  assert.equal(sale.quoteAmount, 99_950n * UNIT);
  const limit = limitWithSlippage("sellAsset", "exactIn", sale, 0);
  const expiry = (await clusterTime(connection)) + 120n;
  const swap = (l: bigint) =>
    trading.user.swap({ user: prime.publicKey, pool: ref, userAsset: primeAsset, userQuote: primeQuote, side: "sellAsset", mode: "exactIn", amount: 100_000n * UNIT, limit: l, expiry });
  // a limit one unit above what the pool pays: refused, readable, nothing moved
  assert.match(await refusal([await swap(limit + 1n)], [prime]), /^SlippageExceeded: /);
  assert.equal(await balance(primeQuote), 0n);
  const sold = await send([await swap(limit)], [prime]);
  assert.deepEqual(await eventsOf(net.connection, trading.program, sold), ["swapExecuted"]);
  assert.equal(await balance(primeQuote), 99_950n * UNIT);
  assert.equal(await balance(primeAsset), 10_000n * UNIT);
  assert.equal(await balance(ref.quoteVault), 100_050n * UNIT);

  // ---- the Prime as an LP: deposits 5,000 USDS, then leaves through the withdrawal queue
  const deposited = await send(
    [
      await trading.lp.openPosition({ payer: prime.publicKey, pool: ref, owner: prime.publicKey }),
      await trading.lp.deposit({ owner: prime.publicKey, pool: ref, ownerQuote: primeQuote, amount: 5_000n * UNIT, minShares: 1 }),
    ],
    [prime],
  );
  assert.deepEqual(await eventsOf(net.connection, trading.program, deposited), ["positionOpened", "deposited"]);
  const position = pda.position(ref.pool, prime.publicKey)[0];
  const shares = BigInt(decodeTradingAccount(trading.program, "lpPosition", (await connection.getAccountInfo(position, "confirmed"))!.data).shares.toString());
  assert.ok(shares > 0n);
  const readPool = async () => decodeTradingAccount(trading.program, "pool", (await connection.getAccountInfo(ref.pool, "confirmed"))!.data);
  const openGen = (await readPool()).queueOpenGen.toString();
  await send([await trading.lp.requestWithdrawal({ owner: prime.publicKey, pool: ref, openGen, shares })], [prime]);
  await send([await trading.operator.rollWithdrawals({ caller: beacon.publicKey, pool: ref, openGen })], [beacon]);
  const settlingGen = (await readPool()).queueSettlingGen.toString();
  assert.equal(settlingGen, openGen);
  await send([await trading.operator.settleWithdrawals({ caller: beacon.publicKey, pool: ref, settlingGen, maxQuote: 1_000_000n * UNIT })], [beacon]);
  const beforeClaim = await balance(primeQuote);
  const claimed = await send([await trading.lp.claimWithdrawal({ owner: prime.publicKey, pool: ref, gen: openGen, ownerQuote: primeQuote })], [prime]);
  assert.deepEqual(await eventsOf(net.connection, trading.program, claimed), ["withdrawalClaimed"]);
  const back = (await balance(primeQuote)) - beforeClaim;
  // the shares are worth what was deposited, less at most the rounding against the LP
  assert.ok(back <= 5_000n * UNIT && back >= 5_000n * UNIT - 2n, `withdrew ${back}`);

  // ---- an RFQ quote, signed by the beacon for this cluster (its genesis hash, the class's
  // domain as deploy.ts set it), tighter than the AMM: filled once, its replay refused
  const cluster = await fetchClusterDomain(connection);
  const klassAccount = decodeTradingAccount(trading.program, "tradingClass", (await connection.getAccountInfo(klass, "confirmed"))!.data);
  assert.deepEqual(Buffer.from(klassAccount.rfqDomain), cluster);
  const bound = new Market(price, 6, 6).quote("sellAsset", "exactIn", 10_000n * UNIT, ex.pools[0].params.rfqMinSpreadBps);
  assert.equal(bound.quoteAmount, 9_998n * UNIT);
  const quote: RfqQuote = {
    pool: ref.pool,
    user: prime.publicKey,
    side: "sellAsset",
    assetAmount: 10_000n * UNIT,
    quoteAmount: bound.quoteAmount,
    expiry: (await clusterTime(connection)) + 60n,
    nonce: 1n,
  };
  const accounts = { payer: prime.publicKey, pool: ref, userAsset: primeAsset, userQuote: primeQuote, quote };
  // signed for another cluster (a devnet quote replayed here): refused
  const elsewhere = await trading.user.signedQuote({ beacon, cluster: Buffer.alloc(32, 0x48), ...accounts });
  assert.match(await refusal(elsewhere, [prime]), /^QuoteSignatureMissing: /);
  const fill = await trading.user.signedQuote({ beacon, cluster, ...accounts });
  const beforeFill = await balance(primeQuote);
  const filled = await send(fill, [prime]);
  assert.deepEqual(await eventsOf(net.connection, trading.program, filled), ["swapExecuted", "quoteFilled"]);
  assert.equal((await balance(primeQuote)) - beforeFill, 9_998n * UNIT);
  assert.equal(await balance(primeAsset), 0n);
  await nextBlockhash(); // the same transaction again would be a duplicate, not a replay
  assert.match(await refusal(fill, [prime]), /^QuoteAlreadyUsed: /);

  // ---- the LCTS unit: a Prime subscribes; the beacon settles it through the PAU's custody
  const lcts = new LctsClient();
  const unit = unitRef({
    class: pda.lctsClass(lctsGov.publicKey, exUnit.classId)[0],
    unitId: exUnit.units[0].unitId,
    usdsMint: quoteMint.publicKey,
    pau: unitPau(controller, quoteMint.publicKey, lctsEndpoint),
  });
  const [primeShares, sharesIx] = createAta(chain, prime.publicKey, unit.shareMint, TOKEN_2022_PROGRAM_ID);
  await send([sharesIx]);
  await send([await lcts.beacon.updateExchangeRate({ beacon: lctsBeacon.publicKey, unit, rateWad: LCTS_WAD })], [lctsBeacon]);
  await send([await lcts.prime.subscribe({ owner: prime.publicKey, unit, ownerUsds: primeQuote, ownerShares: primeShares, amount: 1_000n * UNIT })], [prime]);
  await send(
    [
      await lcts.beacon.lock({ beacon: lctsBeacon.publicKey, unit, side: "subscribe" }),
      await lcts.beacon.settle({ beacon: lctsBeacon.publicKey, unit, side: "subscribe", genId: 0, capacity: 1_000n * UNIT }),
    ],
    [lctsBeacon],
  );
  assert.equal(await balance(lctsEndpoint), 1_000n * UNIT);
  assert.equal(await balance(unit.subscribeShareVault), 1_000n * UNIT);

  // ---- the NFAT facility: its approved Prime queues capital
  const nfat = new NfatClient();
  const facility = facilityRef({
    authority: nfatGov.publicKey,
    facilityId: exFacility.facilityId,
    depositMint: quoteMint.publicKey,
    pau: facilityPau(controller, quoteMint.publicKey, rwaEndpoint),
  });
  const beforeQueue = await balance(primeQuote);
  await send([await nfat.prime.deposit({ prime: prime.publicKey, facility, primeToken: primeQuote, amount: 10_000n * UNIT })], [prime]);
  assert.equal(await balance(facility.queueVault), 10_000n * UNIT);
  assert.equal(await balance(primeQuote), beforeQueue - 10_000n * UNIT);
  assert.ok(ata(prime.publicKey, quoteMint.publicKey).equals(primeQuote));
});

test("a program deploys through the upgradeable loader: buffer, writes, deploy; its bytes run; the same bytes again are left alone, others refused", async () => {
  const { connection } = net;
  // at a fresh address (the real ids' keypairs are governance's): the hook's build, whose
  // declare_id! then refuses to run there, which shows the deployed bytes execute
  const so = readFileSync(fileURLToPath(new URL("../../target/sbf/halo_nfat_hook.so", import.meta.url)));
  const program = Keypair.generate();
  const authority = Keypair.generate();
  await airdrop(net.connection, authority.publicKey);
  const target = { payer, program: program.publicKey, programSigner: () => program, authority, so };
  const deployed = await deployProgram(connection, target);
  assert.equal(deployed.kind, "deployed");
  assert.equal(deployed.kind === "deployed" && deployed.transactions, Math.ceil(so.length / WRITE_CHUNK) + 2);
  const account = await connection.getAccountInfo(program.publicKey, "confirmed");
  assert.ok(account?.executable, "the program account is executable");
  assert.equal(account.owner.toBase58(), UPGRADEABLE_LOADER_ID.toBase58());
  const data = await connection.getAccountInfo(programDataAddress(program.publicKey), "confirmed");
  assert.ok(data);
  assert.equal(upgradeAuthorityOf(data.data)?.toBase58(), authority.publicKey.toBase58());
  assert.ok(Buffer.from(data.data.subarray(45, 45 + so.length)).equals(so), "ProgramData holds the .so");
  // the bytes run: Anchor's entrypoint refuses an id that is not its declare_id!
  const run = await refusal([new TransactionInstruction({ programId: program.publicKey, keys: [], data: Buffer.alloc(8) })]);
  assert.match(run, /DeclaredProgramIdMismatch|0x1004|4100/);

  // the same bytes again: nothing sent; other bytes: refused
  // the same bytes again: nothing sent (the program keypair not even asked for); other
  // bytes, or another authority: refused
  const noKeypair = () => assert.fail("the keypair of a deployed program is not needed");
  assert.deepEqual(await deployProgram(connection, { ...target, programSigner: noKeypair }), {
    kind: "unchanged",
    programData: programDataAddress(program.publicKey),
  });
  const other = Buffer.from(so);
  other[other.length - 1] ^= 0xff;
  await assert.rejects(deployProgram(connection, { ...target, so: other }), /is deployed with other bytes: upgrade it with its upgrade authority/);
  await assert.rejects(
    deployProgram(connection, { ...target, authority: payer }),
    new RegExp(`upgrade authority is ${authority.publicKey.toBase58()}, not ${payer.publicKey.toBase58()}: initialize_configurator must be signed by it`),
  );
});

test("--programs refuses a program keypair that is not the program's id, and a dry run with --programs", () => {
  const dir = mkdtempSync(join(tmpdir(), "halo-programs-"));
  try {
    const wrong = Keypair.generate();
    writeFileSync(join(dir, "halo_pau-keypair.json"), JSON.stringify(Array.from(wrong.secretKey)));
    const [pau] = programsToDeploy(fileURLToPath(new URL("../../target/sbf", import.meta.url)), dir);
    assert.throws(
      () => pau.keypair(),
      new RegExp(`halo_pau-keypair.json is ${wrong.publicKey.toBase58()}, but halo_pau's program id is ${PAU_PROGRAM_ID.toBase58()}`),
    );
    const cfgPath = join(dir, "config.json");
    writeFileSync(cfgPath, JSON.stringify(minimalConfig()));
    const dry = deploy(cfgPath, "--dry-run", "--programs", dir);
    assert.equal(dry.status, 1);
    assert.match(dry.err, /--programs deploys to a cluster: a dry run prints the bootstrap only/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A config that bootstraps the configurator and PAU 1 only. */
function minimalConfig(): DeployConfig {
  const { oracle: _o, trading: _t, lcts: _l, nfat: _n, ...rest } = example;
  return { ...rest, configurator: { ...example.configurator, admin: payer.publicKey.toBase58() } };
}

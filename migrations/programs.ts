// Deploying an SBF program through the upgradeable loader (BPFLoaderUpgradeab1e…), as
// `solana program deploy` does: a buffer account written in chunks, then
// `DeployWithMaxDataLen` creating the program and its ProgramData (the upgrade authority
// recorded there: halo_pau's `initialize_configurator` must be signed by it).
//
// A program already deployed with the same bytes under the same authority is left alone and
// said so; one deployed with other bytes or under another authority is refused (upgrading
// is `solana program deploy`'s, signed by the upgrade authority). Used by deploy.ts's
// `--programs <dir>`. The payer stays the upgrade authority: once the configurator is
// initialised, hand it to governance (`solana program set-upgrade-authority`).
import {
  type Connection,
  Keypair,
  PublicKey,
  sendAndConfirmTransaction,
  SystemProgram,
  SYSVAR_CLOCK_PUBKEY,
  SYSVAR_RENT_PUBKEY,
  Transaction,
  TransactionInstruction,
} from "../app/src/web3.ts";

export const UPGRADEABLE_LOADER_ID = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");
/** `UpgradeableLoaderState` sizes: a buffer's header, a program account, ProgramData's header. */
const BUFFER_HEADER = 37;
const PROGRAM_SIZE = 36;
const PROGRAM_DATA_HEADER = 45;
/** Bytes written per transaction: a Write's data and two signatures stay under 1,232 bytes. */
export const WRITE_CHUNK = 900;
/** Writes in flight at once. */
const PARALLEL_WRITES = 16;

const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
};
const u64 = (v: bigint | number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};

export function programDataAddress(program: PublicKey): PublicKey {
  return PublicKey.findProgramAddressSync([program.toBuffer()], UPGRADEABLE_LOADER_ID)[0];
}

/** `InitializeBuffer` (0): the buffer's write authority. */
export function initializeBuffer(buffer: PublicKey, authority: PublicKey): TransactionInstruction {
  return new TransactionInstruction({
    programId: UPGRADEABLE_LOADER_ID,
    keys: [
      { pubkey: buffer, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: false, isWritable: false },
    ],
    data: u32(0),
  });
}

/** `Write` (1): `bytes` at `offset` of the buffer's program bytes. */
export function write(buffer: PublicKey, authority: PublicKey, offset: number, bytes: Uint8Array): TransactionInstruction {
  return new TransactionInstruction({
    programId: UPGRADEABLE_LOADER_ID,
    keys: [
      { pubkey: buffer, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: true, isWritable: false },
    ],
    data: Buffer.concat([u32(1), u32(offset), u64(bytes.length), Buffer.from(bytes)]),
  });
}

/** `DeployWithMaxDataLen` (2): the program from the buffer, `authority` its upgrade authority. */
export function deployWithMaxDataLen(p: {
  payer: PublicKey;
  program: PublicKey;
  buffer: PublicKey;
  authority: PublicKey;
  maxDataLen: number;
}): TransactionInstruction {
  return new TransactionInstruction({
    programId: UPGRADEABLE_LOADER_ID,
    keys: [
      { pubkey: p.payer, isSigner: true, isWritable: true },
      { pubkey: programDataAddress(p.program), isSigner: false, isWritable: true },
      { pubkey: p.program, isSigner: false, isWritable: true },
      { pubkey: p.buffer, isSigner: false, isWritable: true },
      { pubkey: SYSVAR_RENT_PUBKEY, isSigner: false, isWritable: false },
      { pubkey: SYSVAR_CLOCK_PUBKEY, isSigner: false, isWritable: false },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
      { pubkey: p.authority, isSigner: true, isWritable: false },
    ],
    data: Buffer.concat([u32(2), u64(p.maxDataLen)]),
  });
}

/** `Close` (5) of a buffer: its lamports to `recipient` (the buffer's authority signs). */
export function closeBuffer(buffer: PublicKey, recipient: PublicKey, authority: PublicKey): TransactionInstruction {
  return new TransactionInstruction({
    programId: UPGRADEABLE_LOADER_ID,
    keys: [
      { pubkey: buffer, isSigner: false, isWritable: true },
      { pubkey: recipient, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: true, isWritable: false },
    ],
    data: u32(5),
  });
}

export type DeployOutcome =
  | { kind: "deployed"; programData: PublicKey; transactions: number }
  | { kind: "unchanged"; programData: PublicKey };

/**
 * Deploys `so` at `program` (`programSigner` gives its keypair, asked for only when the
 * program is not there yet), `authority` the upgrade authority (it signs the writes and the
 * deploy; the payer pays). Room for the program to grow: `maxDataLen` (default twice its
 * size). A program already running these bytes under this authority is left alone; one
 * running other bytes, or under another authority, is refused. A deploy that fails midway
 * closes its buffer (its rent back to the payer), or says which buffer to close.
 */
export async function deployProgram(
  connection: Connection,
  p: {
    payer: Keypair;
    program: PublicKey;
    programSigner: () => Keypair;
    authority: Keypair;
    so: Uint8Array;
    maxDataLen?: number;
    name?: string;
  },
): Promise<DeployOutcome> {
  const name = p.name ?? p.program.toBase58();
  const programData = programDataAddress(p.program);
  const existing = await connection.getAccountInfo(p.program, "confirmed");
  if (existing) {
    if (!existing.owner.equals(UPGRADEABLE_LOADER_ID) || !existing.executable) {
      throw new Error(`${name}: ${p.program.toBase58()} exists and is not an upgradeable program`);
    }
    const data = await connection.getAccountInfo(programData, "confirmed");
    if (!data) throw new Error(`${name}: ${p.program.toBase58()} has no ProgramData account (${programData.toBase58()})`);
    const authority = upgradeAuthorityOf(data.data);
    if (!authority?.equals(p.authority.publicKey)) {
      throw new Error(
        `${name}: ${p.program.toBase58()}'s upgrade authority is ${authority?.toBase58() ?? "none (immutable)"}, not ${p.authority.publicKey.toBase58()}: initialize_configurator must be signed by it`,
      );
    }
    const deployed = data.data.subarray(PROGRAM_DATA_HEADER, PROGRAM_DATA_HEADER + p.so.length);
    const rest = data.data.subarray(PROGRAM_DATA_HEADER + p.so.length);
    if (Buffer.from(p.so).equals(deployed) && rest.every((b) => b === 0)) return { kind: "unchanged", programData };
    throw new Error(
      `${name}: ${p.program.toBase58()} is deployed with other bytes: upgrade it with its upgrade authority (solana program deploy), this script does not`,
    );
  }
  const maxDataLen = p.maxDataLen ?? p.so.length * 2;
  if (maxDataLen < p.so.length) throw new Error(`${name}: maxDataLen ${maxDataLen} is smaller than the program (${p.so.length} bytes)`);
  const programKeypair = p.programSigner();
  if (!programKeypair.publicKey.equals(p.program)) {
    throw new Error(`${name}: the program keypair is ${programKeypair.publicKey.toBase58()}, not ${p.program.toBase58()}`);
  }
  const buffer = Keypair.generate();
  const send = (ixs: TransactionInstruction[], signers: Keypair[]) =>
    sendAndConfirmTransaction(connection, new Transaction().add(...ixs), [p.payer, ...signers], { commitment: "confirmed" });
  const authoritySigners = p.authority.publicKey.equals(p.payer.publicKey) ? [] : [p.authority];
  const bufferSize = BUFFER_HEADER + p.so.length;
  await send(
    [
      SystemProgram.createAccount({
        fromPubkey: p.payer.publicKey,
        newAccountPubkey: buffer.publicKey,
        lamports: await connection.getMinimumBalanceForRentExemption(bufferSize),
        space: bufferSize,
        programId: UPGRADEABLE_LOADER_ID,
      }),
      initializeBuffer(buffer.publicKey, p.authority.publicKey),
    ],
    [buffer],
  );
  const offsets: number[] = [];
  for (let at = 0; at < p.so.length; at += WRITE_CHUNK) offsets.push(at);
  try {
    for (let i = 0; i < offsets.length; i += PARALLEL_WRITES) {
      await Promise.all(
        offsets
          .slice(i, i + PARALLEL_WRITES)
          .map((at) => send([write(buffer.publicKey, p.authority.publicKey, at, p.so.subarray(at, at + WRITE_CHUNK))], authoritySigners)),
      );
    }
    await send(
      [
        SystemProgram.createAccount({
          fromPubkey: p.payer.publicKey,
          newAccountPubkey: p.program,
          lamports: await connection.getMinimumBalanceForRentExemption(PROGRAM_SIZE),
          space: PROGRAM_SIZE,
          programId: UPGRADEABLE_LOADER_ID,
        }),
        deployWithMaxDataLen({ payer: p.payer.publicKey, program: p.program, buffer: buffer.publicKey, authority: p.authority.publicKey, maxDataLen }),
      ],
      [programKeypair, ...authoritySigners],
    );
  } catch (e) {
    const closed = await send([closeBuffer(buffer.publicKey, p.payer.publicKey, p.authority.publicKey)], authoritySigners).then(
      () => "its buffer was closed, the rent returned",
      () => `close its buffer ${buffer.publicKey.toBase58()} (solana program close) to recover the rent`,
    );
    throw new Error(`${name}: the deploy failed (${e instanceof Error ? e.message : String(e)}); ${closed}`, { cause: e });
  }
  return { kind: "deployed", programData, transactions: offsets.length + 2 };
}

/** The upgrade authority recorded in a ProgramData account (null: immutable). */
export function upgradeAuthorityOf(programData: Uint8Array): PublicKey | null {
  return programData[12] === 1 ? new PublicKey(programData.subarray(13, 45)) : null;
}

// Shared by the LiteSVM tests: what deploying through the upgradeable loader leaves on a
// real cluster, for a VM that loads the programs directly (`addProgramFromFile`).
import { PublicKey } from "@solana/web3.js";
import { address, lamports } from "@solana/kit";
import type { LiteSVM } from "litesvm";
import { BPF_LOADER_UPGRADEABLE_PROGRAM_ID, pda } from "../src/pda.ts";
import { PAU_PROGRAM_ID } from "../src/program.ts";

/**
 * Writes `program`'s ProgramData account (the upgradeable loader's PDA of its id) with
 * `authority` as its upgrade authority, as crates/halo-harness's `install_program_data`
 * does: bincode of `UpgradeableLoaderState::ProgramData { slot: 0, upgrade_authority:
 * Some(authority) }` (u32 LE 3, u64 LE slot, u8 1, the key). halo_pau's
 * `initializeConfigurator` must be signed by that key.
 */
export function installProgramData(svm: LiteSVM, authority: PublicKey, program: PublicKey = PAU_PROGRAM_ID): PublicKey {
  const programData = pda.programData(program)[0];
  const data = Buffer.alloc(4 + 8 + 1 + 32);
  data.writeUInt32LE(3, 0);
  data.writeBigUInt64LE(0n, 4);
  data[12] = 1;
  authority.toBuffer().copy(data, 13);
  svm.setAccount({
    address: address(programData.toBase58()),
    data,
    executable: false,
    lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(data.length))),
    programAddress: address(BPF_LOADER_UPGRADEABLE_PROGRAM_ID.toBase58()),
    space: BigInt(data.length),
  });
  return programData;
}

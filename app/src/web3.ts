// web3.js v1, re-exported so that scripts outside app/ (migrations/) resolve it here.
export * from "@solana/web3.js";

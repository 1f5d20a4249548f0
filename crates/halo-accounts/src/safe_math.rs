//! One safe-maths vocabulary for every Halo program: `a.safe_add(b)?`, `a.safe_sub(b)?`,
//! `a.safe_mul(b)?`, `a.safe_div(b)?`, and `.or_overflow()?` on an `Option` or on a
//! `halo_math` result, all failing with the program's own overflow error and logging
//! the file and line of the call that failed (`#[track_caller]`), as Drift's `SafeMath`.
//!
//! Each program's error enum is its own (Anchor allows one per program), so the trait is
//! stamped into the program with the error it returns:
//!
//! ```text
//! // programs/halo-x/src/math.rs
//! halo_accounts::safe_math!(crate::errors::XError::MathOverflow);
//! // anywhere in the program
//! use crate::math::{OrOverflow, SafeMath};
//! let total = a.safe_add(b)?;
//! let cost = halo_math::mul_div_u64(x, y, z, Rounding::Up).or_overflow()?;
//! ```

/// Defines `SafeMath` and `OrOverflow` in the calling module, failing with `$err`.
#[macro_export]
macro_rules! safe_math {
    ($err:expr) => {
        /// Checked arithmetic that fails with this program's overflow error.
        pub trait SafeMath: Sized {
            /// `self + rhs`, or the overflow error.
            fn safe_add(self, rhs: Self) -> anchor_lang::Result<Self>;
            /// `self - rhs`, or the overflow error (also below zero for unsigned types).
            fn safe_sub(self, rhs: Self) -> anchor_lang::Result<Self>;
            /// `self * rhs`, or the overflow error.
            fn safe_mul(self, rhs: Self) -> anchor_lang::Result<Self>;
            /// `self / rhs` rounded toward zero, or the overflow error when `rhs == 0`.
            /// Use `halo_math::mul_div` where the rounding direction matters.
            fn safe_div(self, rhs: Self) -> anchor_lang::Result<Self>;
        }

        /// A value that may be missing (an `Option`, a `halo_math` result, a failed
        /// conversion): `.or_overflow()` turns the failure into the overflow error.
        pub trait OrOverflow<T> {
            fn or_overflow(self) -> anchor_lang::Result<T>;
        }

        /// The overflow error, logged with the caller's location.
        #[cold]
        #[inline(never)]
        #[track_caller]
        pub fn overflow() -> anchor_lang::error::Error {
            let at = core::panic::Location::caller();
            anchor_lang::prelude::msg!("math overflow at {}:{}", at.file(), at.line());
            anchor_lang::error::Error::from($err)
        }

        impl<T> OrOverflow<T> for Option<T> {
            #[inline(always)]
            #[track_caller]
            fn or_overflow(self) -> anchor_lang::Result<T> {
                match self {
                    Some(v) => Ok(v),
                    None => Err(overflow()),
                }
            }
        }

        impl<T, E> OrOverflow<T> for core::result::Result<T, E> {
            #[inline(always)]
            #[track_caller]
            fn or_overflow(self) -> anchor_lang::Result<T> {
                match self {
                    Ok(v) => Ok(v),
                    Err(_) => Err(overflow()),
                }
            }
        }

        $crate::__safe_math_impl!(u8, u16, u32, u64, u128, i64, i128);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __safe_math_impl {
    ($($t:ty),*) => {$(
        impl SafeMath for $t {
            #[inline(always)]
            #[track_caller]
            fn safe_add(self, rhs: Self) -> anchor_lang::Result<Self> {
                self.checked_add(rhs).or_overflow()
            }
            #[inline(always)]
            #[track_caller]
            fn safe_sub(self, rhs: Self) -> anchor_lang::Result<Self> {
                self.checked_sub(rhs).or_overflow()
            }
            #[inline(always)]
            #[track_caller]
            fn safe_mul(self, rhs: Self) -> anchor_lang::Result<Self> {
                self.checked_mul(rhs).or_overflow()
            }
            #[inline(always)]
            #[track_caller]
            fn safe_div(self, rhs: Self) -> anchor_lang::Result<Self> {
                self.checked_div(rhs).or_overflow()
            }
        }
    )*};
}

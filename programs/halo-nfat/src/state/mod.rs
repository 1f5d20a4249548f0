pub mod book;
pub mod deal;
pub mod facility;
pub mod prime;

pub use book::*;
pub use deal::*;
pub use facility::*;
pub use prime::*;

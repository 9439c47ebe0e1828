//! Volumes of a demo register of 5000 residents over ten years, for tuning
//! the generator's odds: `cargo run --release --example metingen -- demo-volumes`.

use wijkregister::demo::{self, DemoInstellingen};

/// Counts the records per kind that the generator makes and prints them.
pub fn volumes() {
    let i = DemoInstellingen {
        inwoners: 5_000,
        jaren: 10,
        eind_jaar: 2025,
        seed: 1,
        peildatum: None,
    };
    let mut v = demo::DemoVerslag::default();
    demo::genereer(&i, &mut |r| -> Result<(), ()> {
        v.tel(&r);
        Ok(())
    })
    .expect("ok");
    println!("{}", v.samenvatting());
}

//! Dutch first and last names for the demo register (common names in
//! Twente, with the prefixes "van", "de", "van der" …).

/// Girls' and women's first names.
pub const VOORNAMEN_V: &[&str] = &[
    "Anna", "Emma", "Julia", "Sophie", "Tess", "Sanne", "Lotte", "Fleur", "Iris", "Eva", "Lisa",
    "Noor", "Sara", "Fenna", "Mila", "Nina", "Roos", "Anouk", "Femke", "Ilse", "Marieke", "Linda",
    "Monique", "Ingrid", "Petra", "Anja", "Gerda", "Truus", "Riek", "Hennie", "Diny", "Willemien",
    "Johanna", "Maria", "Miriam", "Simone", "Trudie", "Fatima", "Yasmina", "Ayse", "Elif", "Zeynep",
    "Hanneke", "Marloes", "Esther", "Carla", "Bianca", "Wilma", "Annie", "Dinie",
];

/// Boys' and men's first names.
pub const VOORNAMEN_M: &[&str] = &[
    "Jan", "Daan", "Sem", "Lucas", "Finn", "Levi", "Bram", "Thijs", "Ruben", "Jesse", "Milan", "Luuk",
    "Gijs", "Stijn", "Tim", "Niels", "Bart", "Mark", "Erik", "Henk", "Gerrit", "Hendrik", "Bennie",
    "Herman", "Johan", "Willem", "Jos", "Theo", "Harry", "Ton", "Carlo", "Peter", "Nino", "Gert",
    "Mehmet", "Mustafa", "Ahmed", "Emre", "Yusuf", "Ali", "Dennis", "Wouter", "Jeroen", "Sander",
    "Rik", "Koen", "Berend", "Albert", "Frans", "Arjan",
];

/// Last names, prefixes included.
pub const ACHTERNAMEN: &[&str] = &[
    "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
    "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Kamphuis", "Nijhuis", "Oude Veldhuis",
    "Wolters", "Brinkman", "ter Horst", "Lansink", "Kuipers", "Hofman", "Scholten", "Ten Hove",
    "Aalderink", "Kroeze", "Hesselink", "Wessels", "Bosch", "van der Meer", "van der Linden",
    "Dijkstra", "Leferink", "Pasman", "Reinders", "Heijink", "Ottenhof", "Geerdink", "Huisman",
    "Tijhuis", "Oosterveld", "Bruggink", "Morsink", "Haverkate", "Rouwhorst", "Slot", "Veldkamp",
    "van Wijk", "de Jong", "Yilmaz", "Kaya", "Demir", "Şahin", "El Amrani", "Bouzid", "Nguyen",
    "Hassan", "Haddou", "van der Veen", "Zwiers", "Assink", "Temmink", "Boerrigter", "Lubbers",
];

package org.communityschools.core.internal.synth;

import java.util.SplittableRandom;

/** Small embedded lists of invented-combination names; no personal data from anywhere. */
final class Names {
    private Names() {}

    private static final String[] FIRST = {
        "Aaliyah", "Aiden", "Amara", "Andre", "Angela", "Ari", "Ava", "Bianca", "Brandon", "Camila", "Carlos", "Chloe",
        "Daniel", "Daniela", "Darius", "Destiny", "Diego", "Elena", "Elijah", "Emily", "Emma", "Ethan", "Fatima",
        "Gabriel", "Grace", "Hannah", "Hector", "Isabella", "Jada", "Jamal", "Jasmine", "Jayden", "Jin", "Jose",
        "Joshua", "Julia", "Kai", "Kayla", "Kevin", "Layla", "Leah", "Liam", "Lucas", "Luis", "Malik", "Maria",
        "Mason", "Maya", "Mei", "Mia", "Mohammed", "Nadia", "Naomi", "Nia", "Noah", "Olivia", "Omar", "Priya",
        "Rafael", "Samuel", "Sara", "Sofia", "Tariq", "Tyler", "Valentina", "Wei", "Xavier", "Yusuf", "Zoe", "Zion"};

    private static final String[] LAST = {
        "Adams", "Ali", "Alvarez", "Baker", "Brown", "Castillo", "Chen", "Cohen", "Cruz", "Davis", "Diaz", "Evans",
        "Flores", "Garcia", "Gomez", "Gonzalez", "Green", "Gupta", "Hall", "Harris", "Hernandez", "Hill", "Huang",
        "Jackson", "Johnson", "Jones", "Khan", "Kim", "Lee", "Lewis", "Li", "Lin", "Lopez", "Martin", "Martinez",
        "Mendez", "Miller", "Moore", "Morales", "Nguyen", "O'Brien", "Ortiz", "Park", "Patel", "Perez", "Ramirez",
        "Reyes", "Rivera", "Robinson", "Rodriguez", "Rosario", "Sanchez", "Santos", "Scott", "Singh", "Smith",
        "Taylor", "Thomas", "Torres", "Vasquez", "Walker", "Wang", "Washington", "White", "Williams", "Wilson",
        "Wright", "Wu", "Young", "Zhang"};

    private static final String[] PLACE = {
        "Harbor", "Riverside", "Hillcrest", "Parkview", "Bayside", "Eastbrook", "Westfield", "Northgate", "Southpoint",
        "Maplewood", "Cedar Grove", "Oak Hollow", "Lakeside", "Brookline", "Fairview", "Highland", "Greenpoint",
        "Stonebridge", "Willow Creek", "Summit"};

    private static final String[] MISSION = {
        "Youth Services", "Family Center", "Community Partners", "Children's Aid", "Neighborhood Alliance",
        "Learning Collaborative", "Settlement House", "Youth Development Network", "Family Support Society",
        "Community Action Council"};

    static String first(SplittableRandom rng) {
        return FIRST[rng.nextInt(FIRST.length)];
    }

    static String last(SplittableRandom rng) {
        return LAST[rng.nextInt(LAST.length)];
    }

    static String place(int i) {
        return PLACE[i % PLACE.length];
    }

    /** A community organization name, distinct for the first {@code PLACE.length * MISSION.length} indexes. */
    static String organization(int i) {
        return PLACE[i % PLACE.length] + " " + MISSION[(i / PLACE.length + i) % MISSION.length];
    }
}

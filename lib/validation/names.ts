// Common Swedish first names and surnames, for the warning about probable names in free text
// (lib/validation/sensitive.ts). Source: Statistics Sweden's name statistics (SCB, "Namn och
// namnsdagar", the most common first names of women and men and the most common surnames in the
// population register), a selection transcribed by hand and not in rank order, with common short
// forms added (Kalle, Pelle, Olle …). Names that are also everyday words at the start of a sentence
// ("Stig", "Maj", "Björn", "Rut") are left out: a warning that cries wolf is not read.
const WOMEN = `Anna Eva Maria Karin Sara Kristina Lena Emma Kerstin Ingrid Marie Malin Jenny Annika Hanna Linda
Susanne Elin Monica Birgitta Sofia Inger Johanna Carina Elisabeth Julia Ulla Katarina Linnéa Linnea Marianne
Helena Camilla Ida Åsa Anette Annette Sandra Gunilla Anita Therese Maja Cecilia Ebba Josefin Jessica Frida
Amanda Alice Elsa Wilma Alva Ella Olivia Astrid Agnes Ellen Saga Klara Clara Lova Freja Moa Matilda
Nora Vera Selma Stella Alicia Tilda Lisa Louise Lovisa Caroline Emelie Emilia Isabelle Felicia Tove Mikaela
Fatima Amina Yasmin Leila Sofie Petra Pia Jeanette Madeleine Mia Nina Rebecka Ronja Ylva Majken Barbro Gun
Britt Margareta Ingegerd Siv Agneta Yvonne Charlotte Emelie Lina Lisen Mira Noa Tuva Signe Edith Ines`;
const MEN = `Lars Mikael Anders Johan Erik Per Karl Peter Jan Thomas Daniel Fredrik Hans Andreas Stefan Mohammed
Mohamed Muhammad Bengt Mats Magnus Nils Marcus Markus Mattias Jonas Niklas Björne Leif Martin Henrik Göran
Ulf Christer Oskar Oscar Alexander Gustav Gustaf Viktor Victor Emil Anton Sebastian Kristoffer Christoffer
Robert Joakim Patrik Tobias Rickard Richard Roger Kent Lennart Olof Olov Rolf Gunnar Sven Ove Kjell Åke Arne
Ingvar Tommy Jimmy Johnny Kevin Adam Axel Elias Hugo Lucas Liam William Noah Oliver Filip Ludvig Isak Vincent
Theo Alfred Albin Melvin Leo Harry Sixten Wilmer Edvin Elliot Otto August Malte Ali Ahmed Omar Hassan
Yusuf Ibrahim Abdi Hussein Mustafa Simon Jesper Pontus Rasmus David Samuel Jakob Jacob Josef Dennis Robin
Pär Torbjörn Håkan Lennart Kenneth Conny Ronny Benny Glenn Claes Klas Carl Johannes Kalle Pelle Olle Nisse
Janne Lasse Micke Jocke Tompa Affe Sigge Totte Jonte Frasse Berra`;
const SURNAMES_LIST = `Andersson Johansson Karlsson Carlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Jacobsson Magnusson Olofsson Lindström
Lindqvist Lindgren Axelsson Bergström Lundberg Lundgren Lundqvist Mattsson Berglund Fredriksson
Sandberg Henriksson Forsberg Sjöberg Ali Wallin Mohammed Engström Eklund Danielsson Lundin Håkansson
Bergman Gunnarsson Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren
Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström Ahmed Hassan Viklund Björklund Eliasson
Pålsson Berggren Sandström Nordin Åberg Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg
Hellström Sjögren Abrahamsson Martinsson Öberg Andreasson Strömberg Månsson Hansen Åkesson
Lindholm Norberg Holmqvist`;

const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));
export const FIRST_NAMES = list(`${WOMEN} ${MEN}`);
export const SURNAMES = list(SURNAMES_LIST);

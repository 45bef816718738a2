// Common given names (English-speaking countries, Poland, Western and Northern Europe, Spanish
// and Italian), lower-case. Heuristic text capture asks for one before it calls a line a person,
// which keeps menu items ("Card Printers") out of the form. Names from signatures and markup need no list.
const NAMES = `aaron abby abigail ada adam adrian adriana adrianna agata agnes agnieszka aidan aileen alan alana albert alberto
alec aleksandra alex alexa alexander alexandra alexis alfred ali alice alicia alicja alison allan allen allison alma amanda amber
amelia amy ana andre andrea andreas andrew andrzej andy angel angela angelica angelika angie anita ann anna anne annegret annette
annie anthony antoine antonio antoni april arlene arnold arthur arvin ashley audrey austin barbara barry bart bartek bartosz beata
beatrice becky belinda ben benjamin bernard bert beth betty beverly bill billy blake bob bobby bogdan bonnie boris brad bradley
brandon brenda brendan brent brett brian bridget britney brooke bruce bruno bryan byron caitlin caleb calvin cameron camille
candace cara carl carla carlos carly carmen carol caroline carolyn carrie casey cassandra catherine cathy cecilia celia chad charlene
charles charlie charlotte chelsea cheryl chris christian christina christine christopher christy chuck cindy claire clara clare
claudia clayton cliff clifford clint cody colin colleen connie conor constance cora corey courtney craig cristina crystal curtis
cynthia czesław dale damian dan dana daniel daniela danielle danny daria dariusz darlene darren dave david dawn dean deanna
debbie deborah debra denise dennis derek desiree diana diane dianne dick diego dirk dolores dominic dominik don donald donna
doris dorota dorothy doug douglas duane dustin dylan ed eddie edgar edith edmund edward edyta eileen elaine eleanor eleazar elena
eli elias elisabeth elizabeth ella ellen elliot elsa elzbieta elżbieta emil emily emma enrique eric erica erik erika erin ernest
esther ethan eugene eva evan evelyn ewa ewelina faith felicia felipe felix fernando filip florence frances francesca francis
francisco frank franz fred freddie frederick gabriel gabriela gail gary gavin gene geoff geoffrey george georgia gerald gerard
gina glen glenda glenn gloria gordon grace graham grant greg gregory greta grzegorz gustav guy gwen hal hana hank hanna hannah
hans harold harriet harry harvey hazel heather hector heidi helen helena henry herbert herman hilary holly hope howard hubert
hugh hugo ian ida igor ines inga ingrid irena irene iris isaac isabel isabella iwona jack jackie jacob jacqueline jacques jakub
james jamie jan jana jane janet janice janina janusz jared jarek jarosław jason javier jay jean jeanette jeanne jeff jeffrey
jennifer jenny jeremy jerome jerry jess jesse jessica jill jim jimmy jo joan joanna joanne jocelyn jodi jody joe joel johan johanna
john johnny jolanta jolene jon jonathan jordan jorge jose joseph josephine josh joshua joy joyce juan judith judy julia julian
julie juliet june justin justine józef kamil karen kari karin karina karl karol karolina kasia kate katarzyna katharina kathleen
kathryn kathy katie katrin katy kay keith kelly ken kenneth kerry kevin kim kimberly kirk kirsten klaus konrad krista kristen
kristin kristina krystyna krzysztof kurt kyle lance lara larry laura lauren laurie lawrence lee leigh lena leo leon leonard
les leslie lester lewis lidia liliana lillian linda lindsay lindsey lisa liz lloyd logan lois lorena lorenzo loretta lori lorraine
louis louise lucas lucy luis luke lydia lynn mabel maciej madeline maggie magnus malcolm małgorzata mandy manuel marc marcel
marcia marcin marco marcus marek margaret margarita maria marian mariana marianne marie marilyn mario marion marjorie mark marko
marta martha martin marty marvin mary mateusz matt matthew matthias matthieu maureen maurice max maxine megan mel melanie melissa
melvin meredith mia michael michal michał micheal michel michele michelle mick miguel mike mikołaj milan mildred miles mina mindy
miranda miriam mitchell molly mona monica monika morgan nancy naomi natalia natalie nathalie nathan neil nelson nicholas nick
nicola nicole niklas nina noah noel nora norbert norma norman olga oliver olivia oscar owen pam pamela paolo pat patricia patrick
patrycja paul paula paulina pauline paweł pedro peggy penny perry pete peter petr petra phil philip philippe phillip phyllis
pierre piotr priscilla rachel radek rafael rafał ralph ramon randall randy ray raymond rebecca regina renata rene rhonda ricardo
richard rick ricky rita rob robert roberta roberto robin rod rodney roger roland roman ron ronald rosa rose rosemary ross roy
ruby russell ruth ryan ryszard sabine sally sam samantha samuel sandra sandy sara sarah scott sean sebastian sergio seth shane
shannon sharon shaun shawn sheila shelley sherry shirley sidney simon simone sofia sonia sonja sophia sophie stacey stacy stanley
stanisław stefan stefanie stella stephanie stephen steve steven stuart sue susan suzanne sven sylvia szymon tadeusz tamara tammy
tanya tara ted teresa terri terry thea theodore theresa thomas tim timothy tina toby todd tom tomas tomasz tommy toni tony tracey
tracy travis trevor tricia troy tyler ursula valerie vanessa vera veronica vicki vicky victor victoria vince vincent violet
virginia wade walter wanda warren wayne wendy wes wesley wiesław wiktor wiktoria will william willie wilma witold wojciech wolfgang
yolanda yvonne zachary zbigniew zofia zuzanna zoe`;

export const givenNames = new Set(NAMES.split(/\s+/));

export function isGivenName(word: string): boolean {
  return givenNames.has(word.toLowerCase());
}

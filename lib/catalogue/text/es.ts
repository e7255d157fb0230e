import type { CatalogueText } from './catalogueText';

/** Spanish: the library in its own words (see catalogueText.ts). Tú for each person, ustedes for the couple. */
export const es: CatalogueText = {
  bringNeed: {
    title: 'Lo que aporto / Lo que necesito',
    facilitatorNote:
      'Da a las parejas unos minutos en silencio para que cada quien escriba por su cuenta, y luego invítalas a enlazar cada necesidad con algo que aporta la otra persona. Las necesidades sin enlazar no son fracasos: son la próxima conversación que vale la pena tener.',
    prompt:
      'Escribe lo que aportas a tu relación y lo que necesitas de ella; tu pareja hace lo mismo en su teléfono. Después, enlaza cada una de tus necesidades con algo que aporta tu pareja. Una necesidad que todavía nada cubre es una buena conversación para tener en pareja.',
    columns: { bring: 'Lo que aporto', need: 'Lo que necesito' },
  },
  spectrum: {
    title: '¿Dónde estamos en el espectro?',
    facilitatorNote:
      'Los marcadores quedan en privado hasta que las dos personas terminan o hasta que tú los reveles. Recuerda a la sala que no hay un lugar correcto en la línea: lo interesante es dónde se separan los dos marcadores.',
    prompt:
      'En cada ámbito de la vida, sitúate entre valerte por tu cuenta y apoyarte en tu pareja. Tu pareja no verá tus marcadores hasta que ustedes dos hayan terminado.',
    areas: { money: 'Dinero', home: 'Hogar', feelings: 'Emociones', friends: 'Amistades', work: 'Trabajo', family: 'Familia' },
    stops: { independence: 'Independencia', dependence: 'Dependencia', codependence: 'Codependencia', interdependence: 'Interdependencia' },
  },
  support: {
    title: 'Apoyar y recibir apoyo',
    facilitatorNote:
      'Recibir apoyo pide cierta disposición a depender; dar apoyo pide algo de independencia. Invita a las parejas a notar cuál de las dos cosas le resulta más fácil a cada quien.',
    prompt: 'Responde primero por tu cuenta. Podrán leer sus respuestas cuando ustedes dos hayan terminado.',
    questions: {
      feelSupported: 'Siento tu apoyo cuando…',
      hardToAsk: 'Lo que me cuesta pedir',
      supportYou: 'Cómo me gusta apoyarte',
    },
  },
  learning: {
    title: 'Aprender de la experiencia',
    facilitatorNote:
      'Pide a las parejas que elijan un momento pequeño y reciente, no su conflicto más grande. La última pregunta es la más importante: una reparación que se ofrece, no que se exige.',
    prompt: 'Piensa en un momento reciente entre ustedes que no salió como esperaban. Escribe tu versión, con delicadeza.',
    questions: {
      happened: 'Qué pasó',
      felt: 'Qué sentí',
      learned: 'Qué aprendí',
      nextTime: 'Qué haría la próxima vez',
      repair: 'La reparación que ofrezco',
    },
  },
  value: {
    title: 'Lo que valoro de ti',
    facilitatorNote: 'Un ejercicio cálido para cerrar. Anima a concretar: una habilidad que vieron la semana pasada vale más que un halago general.',
    prompt: 'Nombra lo que valoras de tu pareja: las cualidades, los talentos, las habilidades y los conocimientos que aporta.',
    columns: { qualities: 'Cualidades', talents: 'Talentos y habilidades', expertise: 'Conocimientos' },
  },
  blanks: {
    columns: { title: 'Ejercicio sin título', prompt: 'Escribe aquí tu consigna.', column: 'Primera columna' },
    spectrum: { title: 'Espectro sin título', prompt: 'Sitúate en cada línea.', area: 'Primer ámbito', stopStart: 'Un extremo', stopEnd: 'El otro extremo' },
    prompts: { title: 'Preguntas sin título', prompt: 'Responde cada pregunta.', question: 'Primera pregunta' },
  },
};

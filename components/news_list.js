// The news list beside the profile, drawn in the browser from one list of plain values: one element
// on the server however many items there are (fifty items as NiceGUI elements cost ~250 ms to build
// on a busy server). Vue's {{ }} puts every value in as text, never as HTML. The open item's player
// (NiceGUI elements, the default slot) is shown in place, under its card.
export default {
  template: `
    <ul class="news-list">
      <li v-for="item in items" :key="item.id">
        <button type="button" class="news-card" :aria-expanded="item.id === open ? 'true' : 'false'"
                @click="$emit('toggle', item.id)">
          <img v-if="item.thumb" class="news-thumb" :src="item.thumb" alt="">
          <span v-else class="news-thumb" aria-hidden="true">
            <i class="q-icon notranslate material-icons" style="font-size: 32px">{{ item.icon }}</i>
          </span>
          <span>
            <span class="news-title">{{ item.title }}</span>
            <span class="news-date">{{ item.date }}</span>
            <span v-if="item.new" class="news-new">{{ new_label }}</span>
          </span>
        </button>
        <slot v-if="item.id === open"></slot>
      </li>
    </ul>`,
  props: { items: Array, open: Number, new_label: String },
};

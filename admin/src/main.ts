/** The workers' console: Vue 3 + TDesign Vue Next (its tokens and reset once; each component brings its styles). */
import 'tdesign-vue-next/es/style/index.css';
import './styles.css';
import { createApp } from 'vue';
import App from './App.vue';
import { whenSignedOut } from './api/http';
import { router, toSignIn } from './router';

whenSignedOut(() => toSignIn());
createApp(App).use(router).mount('#app');

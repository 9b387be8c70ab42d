// Placeholder home page until the resident pages land (order-loop issue).
Component({
  data: { title: '为民红绳' },
});

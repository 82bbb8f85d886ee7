// A native countdown: it ticks inside its own component so a page never calls setData once a
// second (WeChat's performance audit), and sets data only when the shown text changes.
// Mirrors core/countdown.ts formatRemaining (a native component cannot import app code).
function formatRemaining(ms) {
  var total = Math.max(0, Math.ceil(ms / 1000));
  var days = Math.floor(total / 86400);
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var hms = pad(Math.floor((total % 86400) / 3600)) + ':' + pad(Math.floor((total % 3600) / 60)) + ':' + pad(total % 60);
  return days > 0 ? days + '天 ' + hms : hms;
}

Component({
  properties: {
    // Deadline, ms since epoch, in server time.
    end: { type: Number, value: 0 },
    // Server time minus this device's time, so a wrong phone clock does not move the deadline.
    skew: { type: Number, value: 0 },
    label: { type: String, value: '' },
  },
  data: { text: '' },
  observers: {
    'end, skew': function () { this.restart(); },
  },
  lifetimes: {
    attached: function () { this.restart(); },
    detached: function () { this.stop(); },
  },
  pageLifetimes: {
    show: function () { this.restart(); },
    hide: function () { this.stop(); },
  },
  methods: {
    restart: function () {
      this.stop();
      this.expired = false;
      this.tick();
    },
    stop: function () {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    },
    tick: function () {
      var left = this.data.end - (Date.now() + this.data.skew);
      var text = formatRemaining(left);
      if (text !== this.data.text) this.setData({ text: text });
      if (left <= 0) {
        if (!this.expired && this.data.end > 0) {
          this.expired = true;
          this.triggerEvent('expire');
        }
        return;
      }
      var self = this;
      this.timer = setTimeout(function () { self.tick(); }, left % 1000 || 1000);
    },
  },
});
